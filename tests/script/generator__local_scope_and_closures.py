def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    while count < 3:
        yield bump()
print(list(counter()))

x = "global"
def reads_global():
    yield x
    yield [x for _ in range(2)]
print(list(reads_global()))

def make(n):
    def gen():
        for i in range(n):
            yield i * n
    return gen
print(list(make(3)()))

class Box:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for item in self.items:
            yield item.upper()
print(list(Box(["a", "b"])), [c for c in Box("xy")])

class Base:
    def parts(self):
        yield "base"
class Child(Base):
    def parts(self):
        yield "child"
        yield from super().parts()
print(list(Child().parts()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
f = fib()
print([next(f) for _ in range(5)])
gens = [fib() for _ in range(2)]
print(next(gens[0]), next(gens[0]), next(gens[1]))
