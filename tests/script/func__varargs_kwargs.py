def f(a, *args, **kwargs):
    print(a, args, kwargs)
f(1)
f(1, 2, 3, x=4, y=5)
f(*[7, 8], **{"k": 9})
