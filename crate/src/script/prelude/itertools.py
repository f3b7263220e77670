# itertools, in the Python subset SessionLab runs: each iterator is lazy, as CPython's.
class _It:
    def __iter__(self):
        return self
class count(_It):
    def __init__(self, start=0, step=1):
        self._n, self._step = start, step
    def __next__(self):
        n = self._n
        self._n += self._step
        return n
    def __repr__(self):
        if self._step == 1:
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)
class cycle(_It):
    def __init__(self, iterable):
        self._it, self._saved, self._i = iter(iterable), [], -1
    def __next__(self):
        if self._it is not None:
            try:
                x = next(self._it)
                self._saved.append(x)
                return x
            except StopIteration:
                self._it = None
        if not self._saved:
            raise StopIteration
        self._i = (self._i + 1) % len(self._saved)
        return self._saved[self._i]
class repeat(_It):
    def __init__(self, obj, times=None):
        self._obj, self._left = obj, times
    def __next__(self):
        if self._left is not None:
            if self._left <= 0:
                raise StopIteration
            self._left -= 1
        return self._obj
    def __repr__(self):
        if self._left is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %r)" % (self._obj, self._left)
class chain(_It):
    def __init__(self, *iterables):
        self._sources, self._it = iter(iterables), None
    def __next__(self):
        while True:
            if self._it is None:
                self._it = iter(next(self._sources))
            try:
                return next(self._it)
            except StopIteration:
                self._it = None
    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._sources = iter(iterables)
        return c
class islice(_It):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop, step = (tuple(args) + (None, None))[:3]
        self._start, self._stop, self._step = start or 0, stop, step or 1
        for v, what in ((self._start, "Indices"), (self._stop, "Stop argument")):
            if v is not None and (not isinstance(v, int) or v < 0):
                raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if not isinstance(self._step, int) or self._step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it, self._i, self._next = iter(iterable), 0, self._start
    def __next__(self):
        while True:
            if self._stop is not None and self._next >= self._stop:
                raise StopIteration
            x = next(self._it)
            i = self._i
            self._i += 1
            if i == self._next:
                self._next += self._step
                return x
class accumulate(_It):
    def __init__(self, iterable, func=None, initial=None):
        self._it, self._func, self._total = iter(iterable), func, initial
        self._started = initial is not None
        self._pending_initial = initial is not None
    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total
class starmap(_It):
    def __init__(self, function, iterable):
        self._f, self._it = function, iter(iterable)
    def __next__(self):
        return self._f(*next(self._it))
class takewhile(_It):
    def __init__(self, predicate, iterable):
        self._p, self._it, self._done = predicate, iter(iterable), False
    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._p(x):
            return x
        self._done = True
        raise StopIteration
class dropwhile(_It):
    def __init__(self, predicate, iterable):
        self._p, self._it, self._dropping = predicate, iter(iterable), True
    def __next__(self):
        while True:
            x = next(self._it)
            if self._dropping and self._p(x):
                continue
            self._dropping = False
            return x
class filterfalse(_It):
    def __init__(self, predicate, iterable):
        self._p, self._it = predicate or bool, iter(iterable)
    def __next__(self):
        while True:
            x = next(self._it)
            if not self._p(x):
                return x
class compress(_It):
    def __init__(self, data, selectors):
        self._d, self._s = iter(data), iter(selectors)
    def __next__(self):
        while True:
            x, keep = next(self._d), next(self._s)
            if keep:
                return x
class pairwise(_It):
    def __init__(self, iterable):
        self._it, self._last, self._first = iter(iterable), None, True
    def __next__(self):
        if self._first:
            self._last = next(self._it)
            self._first = False
        x = next(self._it)
        pair = (self._last, x)
        self._last = x
        return pair
class zip_longest(_It):
    def __init__(self, *iterables, fillvalue=None):
        self._its, self._fill = [iter(i) for i in iterables], fillvalue
        self._active = len(self._its)
    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._its[i] = None
                self._active -= 1
                if self._active == 0:
                    raise
                out.append(self._fill)
        return tuple(out)
class _Grouper(_It):
    def __init__(self, parent, key):
        self._parent, self._key = parent, key
    def __next__(self):
        p = self._parent
        if p._current is not self or p._exhausted or p._tgtkey != self._key:
            raise StopIteration
        x = p._value
        p._advance()
        if p._exhausted or p._tgtkey != self._key:
            p._current = None
        return x
class groupby(_It):
    def __init__(self, iterable, key=None):
        self._it, self._keyfunc = iter(iterable), key or (lambda v: v)
        self._exhausted, self._current = False, None
        self._started = False
    def _advance(self):
        try:
            self._value = next(self._it)
            self._tgtkey = self._keyfunc(self._value)
        except StopIteration:
            self._exhausted = True
    def __next__(self):
        if not self._started:
            self._started = True
            self._advance()
        if self._current is not None:
            key = self._current._key
            while not self._exhausted and self._tgtkey == key:
                self._advance()
        if self._exhausted:
            raise StopIteration
        self._current = _Grouper(self, self._tgtkey)
        return (self._tgtkey, self._current)
def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    return iter(result)
def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    out = []
    def build(prefix, used):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(n):
            if i not in used:
                build(prefix + [i], used | {i})
    if r <= n:
        build([], set())
    return iter(out)
def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []
    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(start, n):
            build(i + 1, prefix + [i])
    if r <= n:
        build(0, [])
    return iter(out)
def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []
    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(start, n):
            build(i, prefix + [i])
    if n or not r:
        build(0, [])
    return iter(out)
def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(list(items)) for _ in range(n))
