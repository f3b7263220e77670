print(list("abc"), tuple([1, 2]), set([1, 1]), dict([(1, 2)]), str(12), int("12") + 1, float(1), repr("x"), list({"a": 1}))
