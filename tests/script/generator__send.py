def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count
avg = averager()
next(avg)
print(avg.send(10), avg.send(30), avg.send(5))

def acc():
    total = 0
    while True:
        total += yield total
a = acc()
next(a)
print(a.send(1), a.send(2), a.send(3))

def annotated():
    x: int = yield "first"
    print("x is", x)
    yield x * 2
an = annotated()
print(next(an), an.send(21))

def tuple_yield():
    yield 1, 2
    yield
print(list(tuple_yield()))

fresh = echo()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
print(fresh.send(None))
