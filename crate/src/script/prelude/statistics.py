# statistics, in the Python subset SessionLab runs.
class StatisticsError(ValueError):
    pass
def _data(data):
    return list(data)
def _sum(xs):
    if all(isinstance(x, int) for x in xs):
        return sum(xs)
    return fsum(xs)
def fsum(xs):
    total = 0.0
    c = 0.0
    for x in xs:
        y = x - c
        t = total + y
        c = (t - total) - y
        total = t
    return total
def mean(data):
    xs = _data(data)
    if not xs:
        raise StatisticsError("mean requires at least one data point")
    total = _sum(xs)
    if isinstance(total, int) and total % len(xs) == 0:
        return total // len(xs)
    return total / len(xs)
def fmean(data):
    xs = _data(data)
    if not xs:
        raise StatisticsError("fmean requires at least one data point")
    return fsum(xs) / len(xs)
def median(data):
    xs = sorted(data)
    n = len(xs)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return xs[n // 2]
    return (xs[n // 2 - 1] + xs[n // 2]) / 2
def median_low(data):
    xs = sorted(data)
    if not xs:
        raise StatisticsError("no median for empty data")
    n = len(xs)
    return xs[n // 2] if n % 2 == 1 else xs[n // 2 - 1]
def median_high(data):
    xs = sorted(data)
    if not xs:
        raise StatisticsError("no median for empty data")
    return xs[len(xs) // 2]
def mode(data):
    xs = _data(data)
    if not xs:
        raise StatisticsError("no mode for empty data")
    counts = {}
    for x in xs:
        counts[x] = counts.get(x, 0) + 1
    best = max(counts.values())
    for x in counts:
        if counts[x] == best:
            return x
def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    return [x for x in counts if counts[x] == best]
def _exact(xs, c, d):
    # Integer data: the sum of squares over d exactly, an int when it divides (as CPython's Fractions).
    if c is None and all(isinstance(x, int) and not isinstance(x, bool) for x in xs):
        n, t = len(xs), sum(xs)
        num, den = sum((n * x - t) ** 2 for x in xs), n * n * d
        return num // den if num % den == 0 else num / den
    if c is None:
        c = mean(xs)
    return fsum([(x - c) ** 2 for x in xs]) / d
def variance(data, xbar=None):
    xs = _data(data)
    if len(xs) < 2:
        raise StatisticsError("variance requires at least two data points")
    return _exact(xs, xbar, len(xs) - 1)
def pvariance(data, mu=None):
    xs = _data(data)
    if len(xs) < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _exact(xs, mu, len(xs))
def stdev(data, xbar=None):
    xs = _data(data)
    if len(xs) < 2:
        raise StatisticsError("stdev requires at least two data points")
    return float(variance(xs, xbar)) ** 0.5
def pstdev(data, mu=None):
    xs = _data(data)
    if len(xs) < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return float(pvariance(xs, mu)) ** 0.5
