class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

d = AttrDict(a=1, b=2)
print(d.a, d["b"], len(d), isinstance(d, dict))
d.c = 3
print(d, sorted(d.keys()), type(d).__name__)

class Registry(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.count = 0
    def __setitem__(self, k, v):
        self.count += 1
        super().__setitem__(k, v)
    def __missing__(self, key):
        return f"<missing {key}>"

r = Registry({"x": 1})
r["y"] = 2
print(r, r.count, r["zz"], r.get("zz"), list(r.items()))

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
    def __repr__(self):
        return f"Stack({super().__repr__()})"

s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s[0], sum(s), isinstance(s, list))
for x in s:
    print(x, end=" ")
print()
s2 = Stack()
s2.extend("ab")
print(s2, s + [9], type(s + [9]).__name__)
import json
print(json.dumps(AttrDict(k=1)))
#(str):
#("x").upper())
