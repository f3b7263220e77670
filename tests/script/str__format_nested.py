print("{:{w}.{p}f}|".format(3.14159, w=8, p=2))
print("{:{}}|{:>{}}|".format("ab", 5, "cd", 4))
print("{0:{1}}|{0:^{2}}|".format("x", 3, 5))
print("{:{fill}{align}{width}}".format("mid", fill="*", align="^", width=9))
print("{:>10}|{:,}|{!r:>8}|{:_}|{:+.3e}".format("x", 1234567, "ab", 1000000, 12345.678))
print("{{literal}} {}".format("{}"))
print("{:{}.{}}".format("abcdef", 4, 2))
try:
    "{:{:{}}}".format(1, 2, 3)
except ValueError as e:
    print(e)
