# Frozensets as dict keys and set members: equal sets are one key, and no string collides with one.
d = {frozenset({1, 2}): "a", 'Int(1)|Int(2)': "b"}
print(d[frozenset({2, 1})], len(d), frozenset({1, 2}) == frozenset({2, 1}))
s = {frozenset(), frozenset({"x"}), frozenset({"x"}), (1, frozenset({2.5, 3}))}
print(len(s), (1, frozenset({3, 2.5})) in s, frozenset({1}) in {frozenset({1.0}): 0})
