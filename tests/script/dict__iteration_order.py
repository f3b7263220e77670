d = {}
for k in ["z", "a", "m"]:
    d[k] = len(d)
for k, v in d.items():
    print(k, v)
d.pop("z")
d["z"] = 9
print(list(d))
