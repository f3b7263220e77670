a = b = c = 5
print(a, b, c)
