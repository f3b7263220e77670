print(list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "x"])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(lambda x: x > 1, [1, 2, 3])))
