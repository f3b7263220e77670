rows = [("fruit", "apple"), ("veg", "kale"), ("fruit", "pear")]
groups = {}
for kind, name in rows:
    groups.setdefault(kind, []).append(name)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
