a = list(range(10))
print(a[-1], a[-3:], a[:-3], a[::-2], a[7:2:-2], a[5:5])
