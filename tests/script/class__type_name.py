class A:
    pass
class B(A):
    pass
b = B()
print(type(b).__name__, type(b) is B, type(b) is A, isinstance(b, (int, A)))
print(B.__name__, B.__bases__[0].__name__)
