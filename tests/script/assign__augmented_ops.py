x = 10
x += 5; x -= 3; x *= 2; x //= 5; x %= 3; x **= 3
print(x)
y = 7.5
y /= 2
print(y)
s = "ab"
s *= 3
print(s)
