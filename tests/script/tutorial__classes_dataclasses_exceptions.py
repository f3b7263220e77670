from dataclasses import dataclass, field, replace, fields, asdict, astuple
from typing import ClassVar, Optional


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)

    def __post_init__(self):
        if self.major < 0:
            raise ValueError("negative")

    @classmethod
    def parse(cls, text: str) -> "Version":
        a, b = text.split(".")
        return cls(int(a), int(b))


print(Version.parse("1.2"), Version(1) < Version(1, 1), sorted([Version(2), Version(1, 5)]))
print(replace(Version(1), minor=9), [f.name for f in fields(Version)], astuple(Version(3, 4)))


@dataclass
class Address:
    city: str
    zip: Optional[str] = None


@dataclass
class Person:
    name: str
    address: Address
    nicknames: list = field(default_factory=list)
    count: ClassVar[int] = 0


p = Person("ann", Address("Paris"))
print(asdict(p), p == Person("ann", Address("Paris")), p)


@dataclass(frozen=True)
class Key:
    a: int
    b: str


print({Key(1, "x"): 1}[Key(1, "x")], hash(Key(1, "x")) == hash(Key(1, "x")))


class AppError(Exception):
    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found", code=404)


try:
    try:
        {}["x"]
    except KeyError as e:
        raise NotFound("user") from e
except AppError as e:
    print(e, repr(e), e.code, type(e.__cause__).__name__, isinstance(e, Exception))
else:
    print("no")
finally:
    print("finally")


class Temperature:
    __slots__ = ("_c",)

    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, value):
        self._c = (value - 32) * 5 / 9

    def __eq__(self, other):
        return isinstance(other, Temperature) and self._c == other._c

    def __hash__(self):
        return hash(self._c)


t = Temperature(100)
t.f = 212
print(t.f, t == Temperature(100.0), len({t, Temperature(100)}))
try:
    t.other = 1
except AttributeError as e:
    print(e)


class Base:
    def hello(self):
        return "base"


class A(Base):
    def hello(self):
        return "A>" + super().hello()


class B(Base):
    def hello(self):
        return "B>" + super().hello()


class C(A, B):
    def hello(self):
        return "C>" + super().hello()


print(C().hello(), [k.__name__ for k in C.__mro__])


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __call__(self, scale):
        return Matrix([[x * scale for x in row] for row in self.rows])

    def __matmul__(self, other):
        return "matmul"

    def __bool__(self):
        return bool(self.rows)

    def __repr__(self):
        return f"Matrix({self.rows!r})"


m = Matrix([[1, 2], [3, 4]])
print(m[1, 0], list(m), len(m), m(2), m @ m, bool(Matrix([])))
print(str(m), f"{m}", [*m], {**{"a": 1}, "b": 2})


class Counter:
    instances = 0

    def __new__(cls, *args):
        cls.instances += 1
        return super().__new__(cls)

    def __init__(self, start=0):
        self.value = start

    @staticmethod
    def describe():
        return "counts"


Counter(), Counter(5)
print(Counter.instances, Counter.describe(), Counter(3).value)
print(getattr(m, "missing", "dflt"), hasattr(m, "rows"), type(m).__name__, m.__class__.__name__)
