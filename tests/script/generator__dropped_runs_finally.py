def resource(tag):
    print("open", tag)
    try:
        yield 1
        yield 2
    finally:
        print("close", tag)

for x in resource("loop"):
    print("first item", x)
    break
print("after loop")

g = resource("rebound")
next(g)
g = None
print("after rebind")

def plain():
    yield 1
    yield 2
p = plain()
next(p)
del p
print("plain dropped quietly")

def holder():
    inner = resource("inner")
    next(inner)
    return "holder returns"
print(holder())
print("end of script")
