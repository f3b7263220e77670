# copy, in the Python subset SessionLab runs.
class Error(Exception):
    pass
_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len), type(lambda: 0))
def copy(x):
    cls = type(x)
    if isinstance(x, _atomic) or cls is tuple or cls is frozenset:
        return x
    f = getattr(cls, "__copy__", None)
    if f is not None:
        return f(x)
    if cls in (list, dict, set):
        return x.copy()
    return _rebuild(x, lambda v: v)
def _rebuild(x, each):
    y = object.__new__(type(x))
    for k, v in vars(x).items():
        object.__setattr__(y, k, each(v))
    return y
def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if isinstance(x, _atomic):
        return x
    f = getattr(cls, "__deepcopy__", None)
    if f is not None:
        y = f(x, memo)
    elif cls is list:
        y = []
        memo[key] = y
        for v in x:
            y.append(deepcopy(v, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = tuple(deepcopy(v, memo) for v in x)
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(v, memo) for v in x)
    else:
        y = object.__new__(cls)
        memo[key] = y
        for k, v in vars(x).items():
            object.__setattr__(y, k, deepcopy(v, memo))
    memo[key] = y
    return y
