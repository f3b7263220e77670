a = list(range(10))
print(a[2:8:2], a[::-1][:3], a[-3:])
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0] * 6
print(a)
del a[1:4]
print(a)
