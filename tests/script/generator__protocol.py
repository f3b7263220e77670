def count_up(n):
    print("started")
    i = 0
    while i < n:
        yield i
        i += 1
    print("finished")

g = count_up(3)
print(type(g).__name__, g.__name__)
print(repr(g).startswith("<generator object count_up at 0x"))
print(iter(g) is g, g.__iter__() is g)
print(next(g), g.__next__(), next(g))
print(next(g, "default"))
print(next(g, "again"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
print(list(count_up(4)), sum(count_up(5)), max(count_up(3)), sorted(count_up(3), reverse=True))
print(tuple(count_up(2)), set(count_up(2)), dict(zip("ab", count_up(2))))
a, b = count_up(2)
print(a, b)
for i, v in enumerate(count_up(3)):
    print(i, v)
print(3 in count_up(5), 9 in count_up(5))
print(*count_up(3))

def empty():
    return
    yield
print(list(empty()))

class Tree:
    def __init__(self, *kids):
        self.kids = kids
    def walk(self, depth=0):
        yield depth
        for k in self.kids:
            yield from k.walk(depth + 1)
print(list(Tree(Tree(), Tree(Tree())).walk()))
