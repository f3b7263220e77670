class CaseInsensitiveDict(dict):
    def __init__(self, data=None, **kw):
        dict.__init__(self)
        self.update(data or {}, **kw)
    def update(self, other=(), **kw):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
    def get(self, k, default=None):
        return super().get(k.lower(), default)

c = CaseInsensitiveDict({"Name": "x"}, Age=3)
print(c, c["NAME"], "AGE" in c, c.get("nAmE"), dict(c), len(c))
print(repr(c), str(c), c == {"name": "x", "age": 3}, bool(c))
print(c.copy(), type(c.copy()).__name__)

class Tags(list):
    def __init__(self, items=()):
        super().__init__(str(i) for i in items)
    def __contains__(self, item):
        return super().__contains__(str(item))
    def __iter__(self):
        for x in super().__iter__():
            yield x.upper()
    def __len__(self):
        return 42
print(Tags([1, "a"]), 1 in Tags([1]), list(Tags(["a", "b"])), len(Tags()))
print(sorted(Tags(["b", "a"])), [x for x in Tags(["q"])])

class Counter2(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
cc = Counter2()
cc["a"] += 1
cc["a"] += 1
print(cc)

class Row(dict):
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
r = Row(id=1, name="n")
print(r.id, r.name)
r.extra = 5
print(r)
import json
print(json.dumps(r), json.dumps(Tags([1])))
class L(list):
    pass
l = L([3, 1, 2])
l.sort()
print(l, type(l), l[1:], type(l[1:]).__name__, l == [1, 2, 3])
print(L.__mro__, dict.__name__, issubclass(L, list))
x = L()
x += [1]
print(x, type(x).__name__)
class D(dict):
    def __repr__(self):
        return "D" + dict.__repr__(self)
print(D(a=1), [D(b=2)], {"k": D()})
