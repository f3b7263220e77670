def inner(n):
    for i in range(n):
        if i == 2:
            raise ValueError("at %d" % i)
        yield i

def outer():
    total = 0
    for v in inner(5):
        total += v
    return total

print(list(inner(2)))
outer()
