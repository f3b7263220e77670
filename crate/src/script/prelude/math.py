# The integer and summing parts of math, in the Python subset SessionLab runs (the float
# functions are built in).
def _int(name, n):
    if type(n) is float:
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    return int(n)
def comb(n, k):
    n = _int("comb", n); k = _int("comb", k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r
def perm(n, k=None):
    n = _int("perm", n)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k is None:
        k = n
    k = _int("perm", k)
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    r = 1
    for i in range(n - k + 1, n + 1):
        r *= i
    return r
def isqrt(n):
    n = _int("isqrt", n)
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = int(n ** 0.5)
    while x * x > n:
        x -= 1
    while (x + 1) * (x + 1) <= n:
        x += 1
    return x
def lcm(*ints):
    r = 1
    for i in ints:
        i = _int("lcm", i)
        if i == 0:
            return 0
        a, b = r, i
        while b:
            a, b = b, a % b
        r = abs(r * i) // abs(a)
    return r
def prod(iterable, *, start=1):
    r = start
    for x in iterable:
        r = r * x
    return r
def fsum(iterable):
    # Shewchuk's exact partial sums, rounded once at the end, as CPython's fsum.
    partials = []
    for x in iterable:
        x = float(x)
        i = 0
        for y in partials:
            if abs(x) < abs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo:
                partials[i] = lo
                i += 1
            x = hi
        partials[i:] = [x]
    total = 0.0
    while partials:
        x = partials.pop()
        hi = total + x
        lo = x - (hi - total)
        total = hi
        if lo:
            if partials and ((lo < 0 and partials[-1] < 0) or (lo > 0 and partials[-1] > 0)):
                y = lo * 2
                x2 = total + y
                if y == x2 - total:
                    total = x2
            break
    return total
def dist(p, q):
    if len(p) != len(q):
        raise ValueError("both points must have the same number of dimensions")
    return sum((float(a) - float(b)) ** 2 for a, b in zip(p, q)) ** 0.5
