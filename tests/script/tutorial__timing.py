import time
def work(n):
    return sum(i * i for i in range(n))
results = {}
for n in (10, 100, 1000):
    t0 = time.perf_counter()
    value = work(n)
    results[n] = (value, time.perf_counter() - t0)
for n, (value, secs) in results.items():
    print(n, value, secs >= 0)
