people = [("ann", 31), ("bob", 25), ("cy", 31)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
square = lambda x: x * x
print(square(7), (lambda *a: sum(a))(1, 2, 3))
