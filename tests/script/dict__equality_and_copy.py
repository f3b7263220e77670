a = {"x": [1]}
b = a.copy()
b["y"] = 2
b["x"].append(2)
print(a, b, a == {"x": [1, 2]}, {1: 2} == {1: 2.0})
