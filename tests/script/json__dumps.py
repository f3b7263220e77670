import json
from enum import IntEnum, Enum
from collections import OrderedDict, namedtuple, Counter

data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "ok": True, "none": None, "pi": 3.14, "nested": {"k": (1, 2)}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent=4))
print(json.dumps([1, [2, []], {}], indent=1))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True))
print(json.dumps("héllo \"q\" \n\t ☃ 😀"), json.dumps("héllo ☃", ensure_ascii=False))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")), json.dumps(1e20), json.dumps(0.1))
print(json.dumps([], indent=2), json.dumps({}, indent="\t"), json.dumps({"a": [1]}, indent="--"))

class Level(IntEnum):
    LOW = 1
P = namedtuple("P", "x y")
print(json.dumps({"level": Level.LOW, "p": P(1, 2), "od": OrderedDict(a=1), "c": Counter("aa")}))

class Thing:
    def __init__(self, v):
        self.v = v
print(json.dumps({"t": Thing(5)}, default=lambda o: {"thing": o.v}))
print(json.dumps([Thing(1)], default=lambda o: o.__dict__))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
for bad in (lambda: json.dumps(Thing(1)), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps({1, 2}), lambda: json.dumps(float("nan"), allow_nan=False)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
