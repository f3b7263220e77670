from __future__ import annotations
import functools
import itertools
import json
from contextlib import contextmanager
from dataclasses import dataclass, field, asdict
from decimal import Decimal
from enum import Enum, auto
from typing import Any, Dict, List, Optional, Union


class Status(str, Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class Priority(Enum):
    LOW = auto()
    HIGH = auto()


@dataclass
class UserDTO:
    id: int
    name: str
    email: Optional[str] = None
    tags: List[str] = field(default_factory=list)
    status: Status = Status.ACTIVE

    @property
    def display(self) -> str:
        return f"{self.name} <{self.email or 'n/a'}>"


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str = "USD"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"


class Item:
    def __init__(self, name: str, price: Decimal, qty: int = 1):
        self.name = name
        self.price = price
        self.qty = qty

    def __repr__(self) -> str:
        return f"Item(name={self.name!r}, price={self.price!r}, qty={self.qty})"

    @property
    def total(self) -> Decimal:
        return self.price * self.qty


items = [Item("apple", Decimal("0.50"), 4), Item("pear", Decimal("1.25")), Item("fig", Decimal("2.10"), 2)]
print(items)
for i, it in enumerate(sorted(items, key=lambda x: x.total, reverse=True), start=1):
    print(f"{i:>2}. {it.name:<6} {it.total:>8} {str(it.total):>6}|")
print(sum((it.total for it in items), Decimal("0")))
print(dict(zip([it.name for it in items], [it.qty for it in items])))

u = UserDTO(1, "ann", tags=["a"])
print(u, u.display, asdict(u))
print(json.dumps(asdict(u)))
print(json.dumps({"status": Status.ACTIVE, "n": None, "ok": True}, indent=2, sort_keys=True))
print(Status("inactive"), Status.ACTIVE.value, Status.ACTIVE == "active", Priority.HIGH, Priority.HIGH.value)
print(Money(Decimal("3.5")), repr(Money(Decimal("3.5"))))
try:
    Money(Decimal(1)).amount = 2
except Exception as e:
    print(type(e).__name__, e)


def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__} args={args} kwargs={kwargs}")
        return func(*args, **kwargs)
    return wrapper


@log_calls
def create(name: str, *, admin: bool = False, **extra: Any) -> Dict[str, Any]:
    return {"name": name, "admin": admin, **extra}


print(create("bob", admin=True, team="x"), create.__name__)
double = functools.partial(lambda a, b: a * b, 2)
print(double(21), double.func is not None, double.args)


@functools.lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(40), fib.cache_info().hits > 0)


@contextmanager
def transaction(name):
    print("begin", name)
    try:
        yield name.upper()
        print("commit", name)
    except ValueError as e:
        print("rollback", name, e)
        raise
    finally:
        print("end", name)


with transaction("t1") as t:
    print("inside", t)
try:
    with transaction("t2"):
        raise ValueError("bad")
except ValueError:
    print("propagated")

rows = [("a", 1), ("a", 2), ("b", 3)]
for key, grp in itertools.groupby(rows, key=lambda r: r[0]):
    print(key, [v for _, v in grp])
print(list(itertools.chain([1], (2, 3))), list(itertools.islice(itertools.count(5), 3)))
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations([1, 2, 3], 2)))
print(list(itertools.zip_longest([1, 2], ["x"], fillvalue="-")), list(itertools.accumulate([1, 2, 3])))


def paginate(seq, size):
    it = iter(seq)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


print(list(paginate(range(7), 3)))
val: Union[int, str, None] = None
print(val is None, Optional[int], List[int] if False else "skip")
x: int | None = 5
print(f"{x!r:>5}|{3.14159:.2f}|{1234567:,}|{0.25:.0%}|{'hi'!s:^6}|{255:#x}|{7:03d}")
