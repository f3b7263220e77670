def f():
    try:
        print("body")
        raise ValueError("x")
    finally:
        print("finally")
try:
    f()
except ValueError:
    print("handled")
