def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = acc()
next(g)
print(g.send(3), g.send(4))
def echo():
    print((yield))
    y = (yield 1) + 10
    print(y)
e = echo()
next(e)
print(e.send("hi"))
try:
    e.send(5)
except StopIteration:
    print("done")
def g2():
    out = []
    out.append((yield "first"))
    total = (yield) + (yield)
    out.append(total)
    x = 1
    x += yield x
    out.append(x)
    print(f"{(yield 'fs')!r}")
    return (yield "last")
gen = g2()
print(next(gen), gen.send("a"), gen.send(2), gen.send(3), gen.send(10), gen.send("F"))
try:
    gen.send("ret")
except StopIteration as e:
    print("returned", e.value)
def g3():
    try:
        print("got", (yield 1))
    except ValueError as e:
        print("caught", e)
    yield 2
g = g3()
next(g)
print(g.throw(ValueError("boom")))
def g4():
    print([1, (yield)])
    print(len((yield)))
x = g4(); next(x); x.send(5); 
try:
    x.send("abc")
except StopIteration:
    pass
