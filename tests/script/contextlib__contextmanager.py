from contextlib import contextmanager

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("inside", t)
with tag("outer"), tag("inner") as i:
    print("nested", i)
try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", repr(e))

with swallow(KeyError):
    raise KeyError("k")
print("after swallow")
try:
    with swallow(KeyError):
        raise IndexError("not swallowed")
except IndexError as e:
    print("passed through", e)

@contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("wrapped") from e
try:
    with transform():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def ignores():
    try:
        yield
    except Exception:
        yield
try:
    with ignores():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def counted(n=1, *, step=1):
    yield list(range(0, n, step))
print(counted.__name__)
with counted(6, step=2) as c:
    print(c)
cm = counted()
with cm as first:
    print(first)

class Resource:
    @contextmanager
    def opened(self):
        print("open")
        yield self
        print("close")
with Resource().opened() as r:
    print(type(r).__name__)

def returns_in_with():
    with tag("r"):
        return "returned"
print(returns_in_with())

for i in range(3):
    with tag("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
