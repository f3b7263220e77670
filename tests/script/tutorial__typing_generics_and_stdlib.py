from typing import TypeVar, Generic, Type, Sequence, Protocol, NamedTuple, TypedDict, cast, overload, Final, Iterable
from abc import ABC, abstractmethod
from collections import defaultdict, Counter, OrderedDict, namedtuple, deque
from functools import reduce, total_ordering, cached_property
import operator
T = TypeVar("T")
K = TypeVar("K", bound="Base")

class Repo(Generic[T]):
    def __init__(self, model: Type[T]):
        self.model = model
        self.store: dict[int, T] = {}
    def add(self, key: int, obj: T) -> T:
        self.store[key] = obj
        return obj
    def all(self) -> Sequence[T]:
        return list(self.store.values())

class IntRepo(Repo[int]):
    pass

r = IntRepo(int)
r.add(1, 10)
print(r.all(), IntRepo.__mro__[1].__name__)

class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p._replace(y=5), p._asdict(), p.x + p[1])

class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1}
print(m, cast(int, "3"))

class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.1f}"

class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

print(Sq(3).describe())
try:
    Shape()
except TypeError as e:
    print(e)

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(Version(1) <= Version(2), Version(3) > Version(2), max([Version(1), Version(5)]).n)

class Lazy:
    @cached_property
    def value(self):
        print("computing")
        return 42
l = Lazy()
print(l.value, l.value)

d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(dict(d), Counter("abracadabra").most_common(2), reduce(operator.add, [1, 2, 3]))
dq = deque([1, 2, 3], maxlen=3)
dq.append(4)
print(dq, list(reversed(dq)))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: (-t[1], t[0])))
print(sorted({"x": 3, "y": 1}.items(), key=operator.itemgetter(1)))
print(any(x > 2 for x in [1, 3]), all([]), min([], default=None), max("abc", key=ord))
print(list(map(str.upper, ["a"])), list(filter(None, [0, 1, "", "x"])))
print("{:>10}|{:<5}|{:^7}|".format("r", "l", "c"), "%s-%05.1f-%r" % ("a", 3.14159, "q"))
first, *rest = [1, 2, 3]
print(first, rest, divmod(17, 5), round(2.675, 2), 10 // 3, -7 % 3, 2 ** -1)
print(isinstance(3, (int, float)), type(None).__name__, callable(len))
s = "Hello, World"
print(s.lower().replace("world", "there"), s.split(", "), s[::-1], s.center(16, "*"), s.zfill(14))
print(" ".join(w.capitalize() for w in "the quick fox".split()), "abc".startswith(("x", "a")))
print(f"{'nested ' + str(1)!r}", f"{3=}", f"{{literal}}")
Final_X: Final = 3
class Cfg:
    DEBUG: bool = False
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.registered = True
class Dev(Cfg):
    DEBUG = True
print(Dev.registered, Dev.DEBUG, vars(Dev).get("DEBUG"))
print(int("42"), float("1e3"), str(b"x", "utf-8"), bytes("é", "utf-8"), "é".encode())
print(hash((1, 2)) == hash((1, 2)), id(p) == id(p), sorted(set("banana")))
