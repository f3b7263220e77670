def outer():
    values = [1, 2]
    return inner(values)
def inner(values):
    return values[5]
print("before")
outer()
