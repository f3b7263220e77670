print(sorted([3, 1, 2]), sorted("bca", reverse=True), list(reversed([1, 2, 3])), sorted({3: "a", 1: "b"}))
