import itertools
print(next(x for x in itertools.count() if x > 5))
print(next((x * x for x in itertools.count(1) if x % 7 == 0)))

def noisy(tag, items):
    print("iter", tag)
    for i in items:
        print(tag, "gives", i)
        yield i

g = (a * 10 for a in noisy("outer", [1, 2, 3]) if a != 2)
print("created")
print(next(g))
print("between")
print(list(g))

h = ((a, b) for a in noisy("A", [1, 2]) for b in noisy("B", "xy"))
print("created nested")
print(next(h))
print(list(h))

try:
    (x for x in 5)
except TypeError as e:
    print("eager first iterable:", e)
lazy_error = (x for x in [1] for y in 5)
print("second iterable is lazy")
try:
    list(lazy_error)
except TypeError as e:
    print("raised on iteration:", e)

def boom(x):
    if x == 3:
        raise ValueError("three")
    return x
gen = (boom(x) for x in range(5))
print(next(gen), next(gen), next(gen))
try:
    next(gen)
except ValueError as e:
    print("ValueError", e)
print(next(gen, "finished after error"))
