def gen():
    yield 1
    print((yield 2))
g = gen()
print(next(g))
print(next(g))
next(g)
