# __doc__ of functions and methods, and functools.wraps carrying it over.
import functools

def documented():
    """Say hello."""
    return "hello"

def bare():
    return 1

def not_first():
    x = 1
    "not a docstring"
    return x

print(documented.__doc__, bare.__doc__, not_first.__doc__)

def logged(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        return fn(*args, **kwargs)
    return inner

@logged
def area(w, h):
    "Width times height."
    return w * h

print(area(2, 3), area.__name__, area.__doc__, area.__wrapped__ is not None)

class Shape:
    def grow(self):
        "Make it bigger."

print(Shape.grow.__doc__, Shape().grow.__doc__)
