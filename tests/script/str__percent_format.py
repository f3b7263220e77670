print("%s is %d years" % ("Ann", 30))
print("%.2f|%5d|%-5s|%05.1f|%x|%r" % (3.14159, 42, "ab", 2.5, 255, "q"))
print("%(name)s=%(val)d" % {"name": "x", "val": 3}, "100%%" % ())
