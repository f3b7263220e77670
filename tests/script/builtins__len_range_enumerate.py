print(len("abc"), len([1, 2]), len({1: 2}), len(range(5)))
for i, c in enumerate("ab", start=1):
    print(i, c)
print(list(enumerate([10, 20])))
