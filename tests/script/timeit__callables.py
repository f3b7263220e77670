import timeit

calls = []
def work():
    calls.append(1)

t = timeit.timeit(work, number=50)
print(type(t).__name__, t >= 0, len(calls))
r = timeit.repeat(work, repeat=3, number=10)
print(type(r).__name__, len(r), all(isinstance(x, float) for x in r), len(calls))
timer = timeit.Timer(lambda: sum(range(10)))
print(type(timer.timeit(number=5)).__name__, callable(timeit.default_timer))
start = timeit.default_timer()
print(timeit.default_timer() - start >= 0)
print(timeit.timeit("pass", number=3) >= 0)
