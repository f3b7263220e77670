import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print((3, 8) <= sys.version_info, sys.version_info < (4,), len(sys.version_info) == 5)
print(sys.version.startswith("3.11"))
major, minor, *rest = sys.version_info
print(major, minor)

def numbers():
    yield from [3, 1, 4, 0, 5]
g = numbers()
print(list(iter(g.__next__, 0)))
print(list(g))
chunks = iter(["a", "b", ""])
print(list(iter(lambda: next(chunks), "")))
