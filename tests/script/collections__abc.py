import collections.abc
from collections.abc import Mapping, MutableMapping, Sequence, Iterable, Iterator, Sized, Hashable, Callable, Generator, Set, MutableSequence, Container, Collection
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Sequence), isinstance((), Sequence), isinstance("s", Sequence), isinstance([], MutableSequence), isinstance((), MutableSequence))
print(isinstance((), Iterable), isinstance(3, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance([], Hashable), isinstance(1, Hashable), isinstance(len, Callable), isinstance(3, Callable))
def g():
    yield 1
print(isinstance(g(), Generator), isinstance(g(), Iterator), isinstance({1}, Set), isinstance(frozenset(), Set), isinstance({}, Set), isinstance({}, Collection), isinstance(range(3), Sequence))
print(issubclass(dict, Mapping), issubclass(list, Mapping), collections.abc.Mapping is Mapping, isinstance({}.keys(), Set))
class Bag:
    def __iter__(self):
        return iter([1, 2])
    def __len__(self):
        return 2
print(isinstance(Bag(), Iterable), isinstance(Bag(), Sized), isinstance(Bag(), Container), issubclass(Bag, Iterable))
class Row(Mapping):
    def __init__(self, **kw):
        self._data = kw
    def __getitem__(self, key):
        return self._data[key]
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
r = Row(a=1, b=2)
print(isinstance(r, Mapping), isinstance(r, dict), "a" in r, "z" in r, r.get("z", 0), list(r.keys()), list(r.items()), list(r.values()), dict(r), r == {"a": 1, "b": 2}, len(r))
class Store(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
s = Store()
s["A"] = 1
s.update({"B": 2}, C=3)
print(s["a"], s.setdefault("d", 4), s.pop("b"), s.pop("zz", None), sorted(s), len(s))
class Seq(Sequence):
    def __init__(self, *items):
        self._items = items
    def __getitem__(self, i):
        return self._items[i]
    def __len__(self):
        return len(self._items)
q = Seq(3, 1, 3)
print(list(q), 1 in q, q.index(1), q.count(3), list(reversed(q)), isinstance(q, Iterable))
class Half(Mapping):
    def __getitem__(self, key):
        return key
try:
    Half()
except TypeError as e:
    print(e)
