class Point:
    def __new__(cls, *args, **kwargs):
        print("new", cls.__name__, args, kwargs)
        return super().__new__(cls)

    def __init__(self, x, y=0):
        self.x = x
        self.y = y


p = Point(1, y=2)
print(p.x, p.y, type(p).__name__)


class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
            cls._instance.count = 0
        return cls._instance

    def __init__(self):
        self.count += 1


a = Singleton()
b = Singleton()
print(a is b, a.count)


class NoInit:
    def __new__(cls, value):
        obj = object.__new__(cls)
        obj.value = value
        return obj


print(NoInit(5).value)


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never runs")


print(Other())


class Base:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.made_by = "Base.__new__"
        return obj


class Child(Base):
    def __init__(self, name):
        self.name = name


c = Child("c")
print(c.made_by, c.name, isinstance(c, Base))
