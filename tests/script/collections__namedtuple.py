from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, repr(p), p.x, p.y, p[0], p[-1], p[:1], len(p))
x, y = p
print(x, y, list(p), tuple(p), p == (1, 2), p == Point(1, 2), p != Point(2, 1))
print(p._asdict(), p._replace(y=5), Point._fields, Point._make([3, 4]))
print(isinstance(p, tuple), type(p).__name__, Point, hash(p) == hash(Point(1, 2)))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(p + (3,), 1 in p, p.count(1), p.index(2))
Emp = namedtuple("Emp", "name dept salary", defaults=[0])
e = Emp("ann", "eng")
print(e, Emp(name="bob", dept="ops", salary=3))
print({Point(0, 0): "origin"}[Point(0, 0)])
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2)):
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)
try:
    p._replace(z=1)
except ValueError as exc:
    print("ValueError:", exc)
try:
    namedtuple("Bad", ["a", "a"])
except ValueError as exc:
    print("ValueError:", exc)
try:
    namedtuple("Bad", ["_a"])
except ValueError as exc:
    print("ValueError:", exc)
try:
    p.x = 5
except AttributeError as exc:
    print("AttributeError:", exc)
