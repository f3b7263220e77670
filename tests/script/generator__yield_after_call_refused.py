# expect: hand-written
def gen():
    print(len("ab"), (yield 2))
g = gen()
print(next(g))
g.send(1)
