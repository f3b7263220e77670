# collections.abc, in the Python subset SessionLab runs. isinstance/issubclass go through the
# metaclass's checks: a real subclass, a registered built-in type, or (for the one-method ABCs
# such as Iterable and Sized) any class defining the methods, as CPython's __subclasshook__s do.
from abc import ABCMeta, abstractmethod
_reg = []
def _mro(sub):
    return getattr(sub, "__mro__", (sub,))
class _ABCMeta(ABCMeta):
    def __instancecheck__(cls, inst):
        return _subcheck(cls, type(inst))
    def __subclasscheck__(cls, sub):
        return _subcheck(cls, sub)
def _subcheck(cls, sub):
    mro = _mro(sub)
    if cls in mro:
        return True
    for a, s in _reg:
        if s in mro and cls in _mro(a):
            return True
    need = cls.__dict__.get("_structural_")
    if need:
        for name in need:
            if name == "__hash__":
                if not _hashable(sub, mro):
                    return False
            elif not hasattr(sub, name):
                return False
        return True
    return False
def _hashable(sub, mro):
    # A class defining __eq__ without __hash__ has __hash__ = None, as CPython makes it.
    if sub in (list, dict, set):
        return False
    for k in mro:
        d = k.__dict__
        if "__hash__" in d:
            return d["__hash__"] is not None
        if "__eq__" in d:
            return False
    return True
class _ABC(metaclass=_ABCMeta):
    # `register` here, not on the metaclass: the subset finds class attributes through the MRO.
    @classmethod
    def register(cls, subclass):
        _reg.append((cls, subclass))
        return subclass
class Hashable(_ABC):
    _structural_ = ("__hash__",)
    @abstractmethod
    def __hash__(self):
        return 0
class Iterable(_ABC):
    _structural_ = ("__iter__",)
    @abstractmethod
    def __iter__(self):
        while False:
            yield None
class Iterator(Iterable):
    _structural_ = ("__iter__", "__next__")
    @abstractmethod
    def __next__(self):
        raise StopIteration
    def __iter__(self):
        return self
class Reversible(Iterable):
    _structural_ = ("__reversed__", "__iter__")
    @abstractmethod
    def __reversed__(self):
        while False:
            yield None
class Generator(Iterator):
    _structural_ = ("__iter__", "__next__", "send", "throw", "close")
    def __next__(self):
        return self.send(None)
    @abstractmethod
    def send(self, value):
        raise StopIteration
    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        raise typ
    def close(self):
        pass
class Sized(_ABC):
    _structural_ = ("__len__",)
    @abstractmethod
    def __len__(self):
        return 0
class Container(_ABC):
    _structural_ = ("__contains__",)
    @abstractmethod
    def __contains__(self, x):
        return False
class Collection(Sized, Iterable, Container):
    _structural_ = ("__len__", "__iter__", "__contains__")
class Callable(_ABC):
    _structural_ = ("__call__",)
    @abstractmethod
    def __call__(self, *args, **kwds):
        return False
class Set(Collection):
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and all(e in other for e in self)
    def __lt__(self, other):
        return len(self) < len(other) and self.__le__(other)
    def __ge__(self, other):
        return len(self) >= len(other) and all(e in self for e in other)
    def __gt__(self, other):
        return len(self) > len(other) and self.__ge__(other)
    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)
    def isdisjoint(self, other):
        return not any(v in self for v in other)
class MutableSet(Set):
    @abstractmethod
    def add(self, value):
        raise NotImplementedError
    @abstractmethod
    def discard(self, value):
        raise NotImplementedError
    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)
_missing = object()
class Mapping(Collection):
    @abstractmethod
    def __getitem__(self, key):
        raise KeyError
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default
    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True
    def keys(self):
        return KeysView(self)
    def items(self):
        return ItemsView(self)
    def values(self):
        return ValuesView(self)
    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())
class MutableMapping(Mapping):
    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError
    @abstractmethod
    def __delitem__(self, key):
        raise KeyError
    def pop(self, key, default=_missing):
        try:
            value = self[key]
        except KeyError:
            if default is _missing:
                raise
            return default
        del self[key]
        return value
    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError
    def clear(self):
        for key in list(self):
            del self[key]
    def update(self, other=(), **kwds):
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value
    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default
class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping
    def __len__(self):
        return len(self._mapping)
    def __repr__(self):
        return type(self).__name__ + "(" + repr(self._mapping) + ")"
class KeysView(MappingView, Set):
    def __contains__(self, key):
        return key in self._mapping
    def __iter__(self):
        yield from self._mapping
class ItemsView(MappingView, Set):
    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value
    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])
class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False
    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]
class Sequence(Reversible, Collection):
    @abstractmethod
    def __getitem__(self, index):
        raise IndexError
    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return
    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False
    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]
    def index(self, value, start=0, stop=None):
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError
    def count(self, value):
        return sum(1 for v in self if v is value or v == value)
class MutableSequence(Sequence):
    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError
    @abstractmethod
    def __delitem__(self, index):
        raise IndexError
    @abstractmethod
    def insert(self, index, value):
        raise IndexError
    def append(self, value):
        self.insert(len(self), value)
    def clear(self):
        while len(self):
            del self[-1]
    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]
    def extend(self, values):
        for v in list(values):
            self.append(v)
    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v
    def remove(self, value):
        del self[self.index(value)]
    def __iadd__(self, values):
        self.extend(values)
        return self
class ByteString(Sequence):
    pass
def _gen():
    yield None
MutableMapping.register(dict)
MutableSequence.register(list)
Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
ByteString.register(bytes)
MutableSet.register(set)
Set.register(frozenset)
Generator.register(type(_gen()))
KeysView.register(type({}.keys()))
ValuesView.register(type({}.values()))
ItemsView.register(type({}.items()))
# The built-in types whose methods the subset does not expose as class attributes.
for _t in (int, float, bool, str, bytes, tuple, frozenset, range, type(None), type):
    Hashable.register(_t)
for _t in (type(len), type(_gen), type(lambda: None), type, type([].append)):
    Callable.register(_t)
for _v in ([], (), {}, "", set(), range(0), {}.items(), {}.keys(), {}.values()):
    Iterator.register(type(iter(_v)))
for _t in (type(zip()), type(map(len, [])), type(filter(None, [])), type(enumerate([])), type(reversed([]))):
    Iterator.register(_t)
