def selfish():
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def leaks_stop():
    yield 1
    raise StopIteration("inner")
try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def next_inside():
    it = iter([])
    yield next(it)
try:
    next(next_inside())
except RuntimeError as e:
    print("RuntimeError:", e)

def catches_stop():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"
print(list(catches_stop()))

def bad_target():
    yield 1
    yield 2
try:
    x, y, z = bad_target()
except ValueError as e:
    print("ValueError:", e)

def lines():
    yield "one"
    raise KeyError("two")
gen = lines()
print(next(gen))
next(gen)
