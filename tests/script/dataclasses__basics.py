from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(p), p.x, p.y)
print(Point(3), Point(x=4, y=5))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print([f.name for f in fields(Point)], [f.type for f in fields(p)])
print(asdict(p), astuple(p))
q = replace(p, y=10)
print(q, p)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))

@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    secret: str = field(default="s", repr=False)
    count: int = field(default=0, init=False)
    kind: ClassVar[str] = "inv"

a = Inventory("a")
b = Inventory("b", ["x"])
a.items.append("pen")
print(a, b, a.secret, a.count, Inventory.kind)
print(len(fields(Inventory)))

@dataclass
class Line:
    start: Point
    end: Point
    tags: list = field(default_factory=list)

ln = Line(Point(0, 0), Point(1, 1), ["t"])
print(asdict(ln))
print(astuple(ln))

@dataclass
class Base:
    id: int
@dataclass
class Child(Base):
    name: str = "c"
print(Child(1), Child(2, "n"))

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(3))

for call in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: Inventory()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    asdict(Point)
except TypeError as e:
    print("TypeError:", e)
try:
    fields(3)
except TypeError as e:
    print("TypeError:", e)
