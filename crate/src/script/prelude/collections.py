# collections, in the Python subset SessionLab runs. The dict-like classes keep their items in
# a plain dict (`_d`): the subset cannot extend the built-in dict's storage.
_missing = object()
class _Mapping(dict):
    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)
    def __getitem__(self, key):
        try:
            return self._d[key]
        except KeyError:
            return self.__missing__(key)
    def __missing__(self, key):
        raise KeyError(key)
    def __setitem__(self, key, value):
        self._d[key] = value
    def __delitem__(self, key):
        del self._d[key]
    def __contains__(self, key):
        return key in self._d
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(list(self._d))
    def __bool__(self):
        return len(self._d) > 0
    def __eq__(self, other):
        return self._d == _plain(other)
    def __ne__(self, other):
        return not self == other
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, key, default=None):
        return self._d.get(key, default)
    def pop(self, key, default=_missing):
        if default is _missing:
            return self._d.pop(key)
        return self._d.pop(key, default)
    def popitem(self):
        return self._d.popitem()
    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)
    def clear(self):
        self._d.clear()
    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got " + str(len(args)))
        if args:
            src = args[0]
            if hasattr(src, "keys"):
                for k in src.keys():
                    self[k] = src[k]
            else:
                for k, v in src:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v
    def copy(self):
        return type(self)(self)
    def __copy__(self):
        return self.copy()
    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new
def _plain(m):
    return m._d if isinstance(m, _Mapping) else m
class OrderedDict(_Mapping):
    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return self._d == _plain(other)
    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = list(self._d.items())
            self._d.clear()
            self._d[key] = value
            self._d.update(rest)
    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        key = list(self._d)[-1 if last else 0]
        return (key, self._d.pop(key))
    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"
class defaultdict(_Mapping):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _Mapping.__init__(self, *args, **kwargs)
    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value
    def copy(self):
        return defaultdict(self.default_factory, self)
    def __repr__(self):
        f = self.default_factory
        return "defaultdict(" + repr(f) + ", " + repr(self._d) + ")"
class Counter(_Mapping):
    def __missing__(self, key):
        return 0
    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._d[k] = self._d.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v
    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._d[k] = self._d.get(k, 0) - iterable[k]
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) - 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) - v
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        out = []
        for k, v in self._d.items():
            out.extend([k] * v)
        return iter(out)
    def total(self):
        return sum(self._d.values())
    def copy(self):
        return Counter(self)
    def _keep(self, pairs):
        c = Counter()
        for k, v in pairs:
            if v > 0:
                c._d[k] = v
        return c
    def __add__(self, other):
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep((k, self[k] + other[k]) for k in keys)
    def __sub__(self, other):
        return self._keep((k, v - other[k]) for k, v in self._d.items())
    def __or__(self, other):
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep((k, max(self[k], other[k])) for k in keys)
    def __and__(self, other):
        return self._keep((k, min(v, other[k])) for k, v in self._d.items())
    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({" + ", ".join(repr(k) + ": " + repr(v) for k, v in self.most_common()) + "})"
class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)
    @property
    def maxlen(self):
        return self._maxlen
    def _trim(self, left):
        m = self._maxlen
        if m is not None and len(self._items) > m:
            if left:
                del self._items[m:]
            else:
                del self._items[:len(self._items) - m]
    def append(self, x):
        self._items.append(x)
        self._trim(False)
    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim(True)
    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)
    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)
    def rotate(self, n=1):
        k = len(self._items)
        if k:
            n %= k
            self._items[:] = self._items[k - n:] + self._items[:k - n]
    def clear(self):
        self._items.clear()
    def count(self, x):
        return self._items.count(x)
    def index(self, x):
        return self._items.index(x)
    def remove(self, x):
        try:
            self._items.remove(x)
        except ValueError:
            raise ValueError(repr(x) + " is not in deque") from None
    def reverse(self):
        self._items.reverse()
    def copy(self):
        return deque(self._items, self._maxlen)
    def __copy__(self):
        return self.copy()
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return len(self._items) > 0
    def __iter__(self):
        return iter(list(self._items))
    def __reversed__(self):
        return iter(self._items[::-1])
    def __contains__(self, x):
        return x in self._items
    def __getitem__(self, i):
        if type(i).__name__ == "slice":
            raise TypeError("sequence index must be integer, not 'slice'")
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("deque index out of range") from None
    def __setitem__(self, i, v):
        self._items[i] = v
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self._maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + str(self._maxlen) + ")"
def _bind(qual, names, defaults, args, kwargs):
    # Positional-or-keyword binding with CPython's messages for the generated __new__.
    if len(args) > len(names):
        need = len(names) - len(defaults) + 1
        took = str(need) if not defaults else "from %d to %d" % (need, len(names) + 1)
        raise TypeError("%s takes %s positional argument%s but %d were given" % (qual, took, "" if took == "1" else "s", len(args) + 1))
    values = dict(zip(names, args))
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError(qual + " got an unexpected keyword argument '" + k + "'")
        if k in values:
            raise TypeError(qual + " got multiple values for argument '" + k + "'")
        values[k] = v
    for k, v in defaults.items():
        values.setdefault(k, v)
    missing = ["'" + n + "'" for n in names if n not in values]
    if missing:
        listed = missing[0] if len(missing) == 1 else (", ".join(missing[:-1]) + (", and " if len(missing) > 2 else " and ") + missing[-1])
        raise TypeError("%s missing %d required positional argument%s: %s" % (qual, len(missing), "" if len(missing) == 1 else "s", listed))
    return tuple(values[n] for n in names)
class _NamedTuple(tuple):
    def __init__(self, *args, **kwargs):
        cls = type(self)
        self._t = _bind(cls.__name__ + ".__new__()", cls._fields, cls._field_defaults, args, kwargs)
    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)
    def _asdict(self):
        return dict(zip(self._fields, self._t))
    def _replace(self, **kwargs):
        values = self._asdict()
        for k, v in kwargs.items():
            if k not in values:
                raise ValueError("Got unexpected field names: " + repr(list(kwargs)))
            values[k] = v
        return type(self)(**values)
    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join(n + "=" + repr(v) for n, v in zip(self._fields, self._t)) + ")"
    def __getitem__(self, i):
        return self._t[i]
    def __iter__(self):
        return iter(self._t)
    def __len__(self):
        return len(self._t)
    def __contains__(self, x):
        return x in self._t
    def __hash__(self):
        return hash(self._t)
    def __eq__(self, other):
        return self._t == _tup(other)
    def __ne__(self, other):
        return self._t != _tup(other)
    def __lt__(self, other):
        return self._t < _tup(other)
    def __le__(self, other):
        return self._t <= _tup(other)
    def __gt__(self, other):
        return self._t > _tup(other)
    def __ge__(self, other):
        return self._t >= _tup(other)
    def __add__(self, other):
        return self._t + _tup(other)
    def count(self, x):
        return self._t.count(x)
    def index(self, x):
        return self._t.index(x)
def _tup(v):
    return v._t if isinstance(v, _NamedTuple) else v
def _readonly(self, value):
    raise AttributeError("can't set attribute")
def _field(i):
    return property(lambda self: self._t[i], _readonly)
def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(n) for n in field_names]
    seen = []
    for n in [typename] + names:
        if not (n and (n[0].isalpha() or n[0] == "_") and all(ch.isalnum() or ch == "_" for ch in n)):
            raise ValueError("Type names and field names must be valid identifiers: " + repr(n))
    for n in names:
        if n.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: " + repr(n))
        if n in seen:
            raise ValueError("Encountered duplicate field name: " + repr(n))
        seen.append(n)
    defaults = tuple(defaults or ())
    if len(defaults) > len(names):
        raise TypeError("Got more default values than field names")
    ns = {"__module__": "__main__" if module is None else module, "_fields": tuple(names),
          "_field_defaults": dict(zip(names[len(names) - len(defaults):], defaults))}
    for i, n in enumerate(names):
        ns[n] = _field(i)
    return type(typename, (_NamedTuple,), ns)
class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]
    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)
    def __missing__(self, key):
        raise KeyError(key)
    def get(self, key, default=None):
        return self[key] if key in self else default
    def __contains__(self, key):
        return any(key in m for m in self.maps)
    def __len__(self):
        return len(self._keys())
    def _keys(self):
        d = {}
        for m in reversed(self.maps):
            for k in m:
                d[k] = None
        return list(d)
    def __iter__(self):
        return iter(self._keys())
    def keys(self):
        return self._keys()
    def values(self):
        return [self[k] for k in self._keys()]
    def items(self):
        return [(k, self[k]) for k in self._keys()]
    def __bool__(self):
        return any(self.maps)
    def __setitem__(self, key, value):
        self.maps[0][key] = value
    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key))
    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return ChainMap(m, *self.maps)
    @property
    def parents(self):
        return ChainMap(*self.maps[1:])
    def __repr__(self):
        return "ChainMap(" + ", ".join(repr(m) for m in self.maps) + ")"
