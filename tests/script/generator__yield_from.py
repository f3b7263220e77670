def sub():
    received = yield "sub-start"
    print("sub got", received)
    try:
        yield "sub-second"
    except KeyError as e:
        print("sub handled", e)
        yield "sub-recovered"
    return "sub-result"

def main():
    result = yield from sub()
    print("result", result)
    yield from range(2)
    yield from "ab"
    r2 = yield from []
    print("empty delegation gives", r2)
    return "main-done"

m = main()
print(next(m))
print(m.send("hello"))
print(m.throw(KeyError("k")))
print(list(m))

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), range(4, 6))))

def closing_sub():
    try:
        yield 1
        yield 2
    finally:
        print("sub closed")
def delegator():
    try:
        yield from closing_sub()
    finally:
        print("delegator closed")
d = delegator()
next(d)
d.close()

def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    depth = yield from deep(n - 1)
    return depth + 1
def top():
    d = yield from deep(20)
    yield d
print(list(top()))

def raiser():
    yield 1
    raise ValueError("from sub")
def catcher():
    try:
        yield from raiser()
    except ValueError as e:
        yield "caught " + str(e)
print(list(catcher()))
