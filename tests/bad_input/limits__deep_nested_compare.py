x = []
y = []
for i in range(2000):
    x = [x]
    y = [y]
print(x == y)
