from dataclasses import dataclass, FrozenInstanceError, field

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)

vs = [Version(1, 2), Version(0, 9), Version(1, 0, "rc")]
print(sorted(vs))
print(Version(1, 0) < Version(1, 1), Version(2) >= Version(1, 9), Version(1, 0, "a") == Version(1, 0, "b"))
print(max(vs), min(vs))
try:
    Version(1) < 3
except TypeError as e:
    print("TypeError:", e)

@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float

c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)))
print({c: "here"}[Coord(1.5, 2.5)] if False else len({c, Coord(1.5, 2.5)}))
try:
    c.lat = 3.0
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del c.lon
except AttributeError as e:
    print(type(e).__name__, e)

@dataclass(repr=False, eq=False)
class Plain:
    v: int
p = Plain(1)
print(p == Plain(1), p.v, repr(p).startswith("<__main__.Plain object at"))

@dataclass
class WithRepr:
    v: int
    def __repr__(self):
        return "custom"
print(WithRepr(1), WithRepr(1) == WithRepr(1))
