g = (c.upper() for c in "abc")
print(type(g).__name__, g.__name__)
print(repr(g).startswith("<generator object <genexpr> at 0x"))
print(iter(g) is g, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, -1]))
print(",".join(str(i) for i in range(4)))
print(sorted((x % 3 for x in range(7)), reverse=True))
print(dict((k, len(k)) for k in ["ab", "c"]))
print(list((i, j) for i in range(3) for j in range(i)))
print(list(x for x in range(10) if x % 2 if x > 3))
n = 10
print(list(n + i for i in range(3)))
def scope():
    k = 2
    return list(k * i for i in range(3))
print(scope())
print([y for y in (z + 1 for z in range(3))])
total = 0
print(list((total := total + v) for v in [1, 2, 3]), total)
g2 = (x for x in [1, 2])
g2.close()
print(list(g2))
g3 = (x for x in [1])
print(g3.send(None))
try:
    g3.send(None)
except StopIteration:
    print("StopIteration")
