# Deleting keeps the order of the rest; re-inserting goes to the end; many deletions stay quick.
d = {k: k * k for k in range(10)}
del d[3]
d.pop(0)
d[3] = "back"
print(list(d))
print(d.popitem(), list(d.items())[:3])
big = {i: i for i in range(50000)}
for i in range(0, 50000, 2):
    del big[i]
print(len(big), list(big)[:3], list(big)[-2:])
for i in range(0, 50000, 3):
    big[i] = -i
print(len(big), list(big)[-3:], big.get(3), big.get(4))
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
print(sorted(s), len(s), 19 in s, 18 in s)
names = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    names[w] = names.get(w, 0) + 1
del names["quick"]
print(names)
