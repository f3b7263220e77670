def inner(**kw):
    return sorted(kw.items())
def outer(**kw):
    kw["extra"] = True
    return inner(**kw)
print(outer(a=1, b=2))
