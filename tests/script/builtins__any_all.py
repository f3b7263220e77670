print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any(x > 2 for x in [1, 2, 3]), all(c.isalpha() for c in "abc"))
