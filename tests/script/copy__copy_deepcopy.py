import copy
from dataclasses import dataclass, field
from collections import defaultdict, OrderedDict, deque

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c)
print(b[1] is a[1], c[1] is a[1], copy.copy(5), copy.deepcopy("s"), copy.copy((1, 2)))
d = {"x": {"y": 1}}
d2 = copy.deepcopy(d)
d2["x"]["y"] = 2
print(d, d2, copy.copy(d)["x"] is d["x"])

class Node:
    def __init__(self, v, children=None):
        self.v = v
        self.children = children or []
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.children)
n = Node(1, [Node(2)])
n2 = copy.copy(n)
n3 = copy.deepcopy(n)
n.children.append(Node(3))
print(n, n2, n3, n2.children is n.children)

shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)

@dataclass(frozen=True)
class Cfg:
    name: str
    opts: list = field(default_factory=list)
cfg = Cfg("a", [1])
cfg2 = copy.deepcopy(cfg)
print(cfg2, cfg2 == cfg, cfg2.opts is cfg.opts)

class Custom:
    def __init__(self):
        self.log = []
    def __copy__(self):
        c = Custom()
        c.log = ["copied"]
        return c
    def __deepcopy__(self, memo):
        c = Custom()
        c.log = ["deep"]
        return c
print(copy.copy(Custom()).log, copy.deepcopy(Custom()).log)
dd = defaultdict(list, {"a": [1]})
dd2 = copy.deepcopy(dd)
dd2["a"].append(2)
dd2["b"].append(3)
print(dd, dd2)
dq = deque([1, [2]])
dq2 = copy.copy(dq)
dq2.append(3)
print(dq, dq2)
