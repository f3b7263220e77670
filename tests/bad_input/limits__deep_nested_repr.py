x = []
for i in range(2000):
    x = [x]
print(x)
