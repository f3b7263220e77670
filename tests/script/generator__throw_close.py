def worker():
    while True:
        try:
            x = yield "ready"
            print("got", x)
        except ValueError as e:
            print("handled", e)
            yield "after-error"
        finally:
            print("finally")

w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad")))
print(next(w))
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
print(next(w, "exhausted"))

def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
c = closer()
next(c)
print(c.close())
print(c.close())
print(next(c, "closed"))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

never = closer()
never.close()
print(list(never))

def thrown_class():
    try:
        yield
    except IndexError as e:
        print("class thrown", type(e).__name__, e.args)
        yield "ok"
t = thrown_class()
next(t)
print(t.throw(IndexError))

fresh = closer()
try:
    fresh.throw(ValueError("early"))
except ValueError as e:
    print("early", e)
print(next(fresh, "done"))

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = returns_on_exit()
next(r)
print(r.close())
