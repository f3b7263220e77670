a = [1, "1", 1.0, True]
print(a.count(1), "1" in a, a.index(True), [1, 2] in [[1, 2], 3])
