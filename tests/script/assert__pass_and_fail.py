assert 1 + 1 == 2
try:
    assert 2 + 2 == 5, "math is broken"
except AssertionError as e:
    print("caught:", e)
assert False
