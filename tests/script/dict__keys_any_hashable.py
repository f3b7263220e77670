d = {1: "int", "1": "str", (1, 2): "tuple", None: "none", 2.5: "float"}
print(d[1], d["1"], d[(1, 2)], d[None], d[2.5], d[1.0], True in d)
