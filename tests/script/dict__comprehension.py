words = ["apple", "bob", "cat"]
print({w: len(w) for w in words}, {i: i * i for i in range(4) if i})
print(dict(zip("abc", range(3))), dict(a=1, b=2), dict([("x", 1)]))
