a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
a.add(10); a.discard(1); a.discard(99)
print(sorted(a), 2 in a, len(a), sorted(set("hello")), set() == set())
print(sorted(a.union([7])), sorted(a.intersection(b)), sorted(a.difference(b)), {1, 2} <= {1, 2, 3} if False else a.issubset(a))
