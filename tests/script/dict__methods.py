d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, len(d))
d.update({"a": 10}, e=5)
print(d, d.pop("b"), d.setdefault("f", 6), d.setdefault("a", 0), d)
