def f(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2]
kwargs = {"c": 3}
print(f(*args, **kwargs), f(*(4, 5, 6)), f(1, *[2], c=3))
