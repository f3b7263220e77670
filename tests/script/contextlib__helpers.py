from contextlib import suppress, closing, nullcontext, ExitStack, contextmanager

with suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("suppressed")
with suppress(KeyError, IndexError):
    [][1]
print("suppressed tuple")
try:
    with suppress(KeyError):
        raise ValueError("other")
except ValueError as e:
    print("not suppressed:", e)
with suppress():
    pass

class Thing:
    def close(self):
        print("closed")
with closing(Thing()) as th:
    print(type(th).__name__)
try:
    with closing(Thing()):
        raise KeyError("during")
except KeyError:
    print("closed anyway")

with nullcontext(5) as n:
    print(n)
with nullcontext() as nothing:
    print(nothing)

@contextmanager
def tag(name):
    print("enter", name)
    yield name
    print("exit", name)

with ExitStack() as stack:
    stack.callback(print, "callback 1")
    names = [stack.enter_context(tag(n)) for n in "ab"]
    stack.callback(print, "callback", 2, sep="-")
    print("body", names)
print("after stack")

stack = ExitStack()
stack.callback(print, "closed explicitly")
stack.close()
stack.close()

try:
    with ExitStack() as s:
        s.callback(print, "runs on error")
        raise ValueError("in body")
except ValueError as e:
    print("propagated", e)

with ExitStack() as s:
    s.enter_context(suppress(ValueError))
    raise ValueError("suppressed by a pushed manager")
print("done")
