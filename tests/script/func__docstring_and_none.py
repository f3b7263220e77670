def f():
    """Does nothing."""
print(f())
