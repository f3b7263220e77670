class Registry(type):
    def __iter__(cls):
        return iter(cls._items)
    def __len__(cls):
        return len(cls._items)
    def __getitem__(cls, key):
        return cls._items[key]
    def __contains__(cls, item):
        return item in cls._items
    def __repr__(cls):
        return "<registry " + cls.__name__ + ">"

class Plugins(metaclass=Registry):
    _items = ["a", "b"]

print(list(Plugins), len(Plugins), Plugins[1], "a" in Plugins, Plugins, type(Plugins).__name__)

class Base:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.registry.append(cls.__name__)

class One(Base, tag="one"):
    pass
class Two(Base):
    pass
print(Base.registry, One.tag, Two.tag)

class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Item:
    price = Typed()
print(Item.__dict__["price"].name)

Dyn = type("Dyn", (One,), {"x": 1, "double": lambda self: self.x * 2})
print(Dyn, Dyn.x, Dyn().double(), Dyn.tag, Dyn.__bases__, Base.registry)

class Order:
    b = 2
    a = 1
    def c(self):
        pass
print([k for k in Order.__dict__ if not k.startswith("__")])

class Point:
    x: int
    y: "float" = 0.0
print(Point.__annotations__)

class Box:
    def __class_getitem__(cls, item):
        return cls.__name__ + "[" + item.__name__ + "]"
print(Box[int])

class Locked:
    def __setattr__(self, name, value):
        raise AttributeError("locked")
obj = object.__new__(Locked)
object.__setattr__(obj, "v", 5)
print(obj.v, (1).__class__, "s".__class__.__name__, [].__class__ is list)

class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)

class H:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return 7
print(hash(H(1)))
try:
    del Order.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad(Two, flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain:
        pass
    class Sub(Plain, flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)
