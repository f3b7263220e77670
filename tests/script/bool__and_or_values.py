print(0 or "default", "" or None, 1 and "yes", 0 and "never", None or 0 or [] or "last")
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
