class C:
    pass
c = C()
d = {}
c.val, d["k"] = 1, 2
print(c.val, d)
