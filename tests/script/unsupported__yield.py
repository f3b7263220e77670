# expect: hand-written
def gen():
    yield 1
