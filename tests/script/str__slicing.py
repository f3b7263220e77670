s = "hello world"
print(s[0], s[-1], s[2:5], s[:5], s[6:], s[::2], s[::-1], s[-5:-1], s[100:])
