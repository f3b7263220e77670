print(min(3, 1, 2), max([1, 5, 3]), min("bca"), max([], default=0), sum([1, 2, 3]), sum([0.5, 0.25], 1))
print(max(["aa", "b", "ccc"], key=len), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))
