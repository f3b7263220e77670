import functools
import itertools
import operator
from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key
from itertools import count, islice, chain, groupby, accumulate, product, permutations, combinations

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 10))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)
base2 = partial(int, base=2)
print(base2("1011"), partial(operator.mul, 3)(5))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(40), fib.cache_info())

@functools.lru_cache
def square(x):
    return x * x
print(square(3), square(3), square.cache_info())

def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    return a + b
print(add(2, 3), add.__name__, add.__wrapped__.__name__)

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

rows = [{"name": "b", "age": 3}, {"name": "a", "age": 5}]
print(sorted(rows, key=operator.itemgetter("name")))
class P:
    def __init__(self, x):
        self.x = x
print([operator.attrgetter("x")(P(i)) for i in range(3)], operator.itemgetter(0, 2)("abc"))
print(operator.methodcaller("upper")("hi"), operator.neg(3), operator.contains([1], 1))

print(list(islice(count(10, 5), 4)), list(islice("abcdefg", 1, None, 2)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
for key, group in groupby("aaabbcaa"):
    print(key, list(group))
print([(k, len(list(g))) for k, g in groupby(sorted(["apple", "avocado", "banana"]), key=lambda s: s[0])])
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(product("ab", [0, 1])), len(list(product(range(3), repeat=2))))
print(list(permutations([1, 2, 3], 2)))
print(list(combinations("abcd", 2)))
print(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.pairwise([1, 2, 3, 4])), list(itertools.repeat("x", 3)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
c = itertools.cycle([1, 2])
print([next(c) for _ in range(5)])
print(list(itertools.filterfalse(lambda x: x % 2, range(6))))
for i, v in zip(count(), "xyz"):
    print(i, v)
