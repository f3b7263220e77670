# `in` compares by identity, then equality: numbers whose bits share a prefix are not the same.
inf = float("inf")
print(2.5 in (inf, -inf), 2.5 in [inf], 0.0 in (inf,), inf in (inf,), 3.0 in [3], 3 in (3.0,))
print(2 ** 32 in (0,), 1.5 in {1.5: "x"}, [x for x in (2.5, inf, 0.5) if x in (inf,)])
print(0.1 + 0.2 in (0.3,), float("nan") in [float("nan")])
