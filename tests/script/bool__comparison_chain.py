x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 0 <= x <= 4)
print(x is not None, None is None, [] is [], "a" in ["a"], 3 not in (1, 2))
