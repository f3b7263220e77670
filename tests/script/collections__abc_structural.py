from collections.abc import Hashable, Callable, Iterator, Iterable, Sized
class A:
    pass
class B:
    __hash__ = None
    def __call__(self):
        pass
print(isinstance(A(), Hashable), isinstance(B(), Hashable), isinstance(B(), Callable), isinstance(A(), Callable), isinstance(A, Callable), isinstance(print, Callable), isinstance(zip([], []), Iterator), isinstance("abc", Iterable), isinstance(b"", Sized), isinstance({}.items(), Iterable))
class C:
    def __eq__(self, o):
        return True
class D(C):
    def __hash__(self):
        return 1
print(isinstance(C(), Hashable), isinstance(D(), Hashable), isinstance([], Hashable), isinstance({}, Hashable), isinstance(set(), Hashable), isinstance((1,), Hashable))
