for i in reversed(range(3)):
    print(i, end=" ")
print()
for i in range(10, 0, -4):
    print(i)
