class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return typ is KeyError

def g():
    with CM("a") as a, CM("b") as b:
        yield a + b
        yield "second"
    try:
        yield "in try"
        raise KeyError("x")
    except KeyError as e:
        yield "in except %s" % e
        raise
    finally:
        yield "in finally"
        print("finally done")

it = g()
print(next(it))
print(next(it))
print(next(it))
print(next(it))
print(next(it))
try:
    next(it)
except KeyError as e:
    print("re-raised", e)

def suppressed():
    with CM("s"):
        yield 1
        raise KeyError("swallowed")
    yield "after with"
print(list(suppressed()))

def loops():
    for i in range(3):
        if i == 1:
            continue
        try:
            yield i
        finally:
            print("f", i)
    else:
        yield "for-else"
    n = 0
    while n < 2:
        n += 1
        yield "w%d" % n
        if n == 5:
            break
    else:
        yield "while-else"
    for j in range(5):
        yield "j%d" % j
        if j == 1:
            break
    else:
        yield "unreached"
print(list(loops()))

def bare_raise_context():
    try:
        raise ValueError("original")
    except ValueError:
        yield "handling"
        raise
h = bare_raise_context()
print(next(h))
try:
    raise TypeError("outside")
except TypeError:
    pass
try:
    next(h)
except ValueError as e:
    print("bare raise kept", e)

def returns_in_finally():
    try:
        yield 1
        return "body"
    finally:
        yield 2
r = returns_in_finally()
print(next(r), next(r))
try:
    next(r)
except StopIteration as e:
    print("value", e.value)
