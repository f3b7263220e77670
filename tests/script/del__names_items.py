x = 5
del x
d = {"a": 1, "b": 2}
del d["a"]
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(d, lst)
print(x)
