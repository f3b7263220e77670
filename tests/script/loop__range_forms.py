print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0)))
print(len(range(0, 100, 7)), range(3)[1], 5 in range(10), range(1, 4))
