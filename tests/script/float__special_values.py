inf = float("inf")
print(inf > 10 ** 18, -inf < 0, inf == inf, float("nan") == float("nan"), 1e308 * 10)
