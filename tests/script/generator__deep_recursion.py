# expect: hand-written
def nested(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nested(n - 1)
print(list(nested(100)))
def forever(n):
    yield from forever(n + 1)
list(forever(0))
