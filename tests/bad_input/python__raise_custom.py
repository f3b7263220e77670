def check(v):
    if v < 0:
        raise RuntimeError('negative')
check(-1)
