x = y = []
x.append(1)
print(x, y, x is y)
