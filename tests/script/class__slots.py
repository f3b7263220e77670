# __slots__: instances take only the listed names; a base without slots gives a __dict__.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

p = Point(1, 2)
p.x = 10
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

class Point3(Point):
    __slots__ = ["z"]

q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 4
except AttributeError as e:
    print("AttributeError:", e)

class Loose(Point):
    pass

r = Loose(1, 2)
r.anything = "ok"
print(r.anything)

class One:
    __slots__ = "only"

o = One()
o.only = 1
try:
    o.other = 2
except AttributeError as e:
    print("AttributeError:", e)
