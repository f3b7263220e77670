print([x * x for x in range(6) if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[j for j in range(i)] for i in range(4)])
matrix = [[1, 2], [3, 4]]
print([row[i] for i in range(2) for row in matrix])
