from __future__ import annotations
from typing import Annotated, TYPE_CHECKING

if TYPE_CHECKING:
    from collections import OrderedDict

data = [3, 8, 1, 12, 5]
if (n := len(data)) > 3:
    print(f"{n} items")
while (item := data.pop()) != 1:
    print("popped", item)
print([y for x in range(6) if (y := x * x) % 2], y)
print(f"{(z := 10) + 1}", z)

def total(values: Annotated[list, "numbers"]) -> int:
    if (s := sum(values)) > 10:
        return s
    return 0

print(total([5, 6]), total([1]))

class Job:
    id = 7
    name = "nightly"

job = Job()
x, ratio = 3, 2 / 3
print(f"{x=}", f"{job.id = }", f"{job.name=!s}", f"{ratio=:.2f}", f"{ratio = :.3}")
print(f"{x+1=}", f"{x * 2 = }")

numbers = iter([5, 4, 0, 3])
print(list(iter(lambda: next(numbers), 0)))
calls = []
def ticker():
    calls.append(1)
    return len(calls)
print(list(iter(ticker, 4)))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

it = iter(Countdown(3))
print(next(it), list(it))
for i in Countdown(10**9):
    if i < 10**9 - 3:
        break
print("stopped lazily at", i)
try:
    iter(5, 0)
except TypeError as e:
    print(e)

def repeat(times):
    def deco(fn):
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco

@repeat(times=2)
def greet(who):
    return "hi " + who

print(greet("ann"))

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

p = Point(1, 2)
print(p.x + p.y, Point.__slots__)
