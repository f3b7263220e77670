print(sorted({x % 3 for x in range(10)}), len({1, 1, 2}), frozenset([1]) == frozenset([1]))
