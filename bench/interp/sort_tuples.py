# Building and sorting a list of 100,000 tuples.
import time

start = time.perf_counter()
rows = [((i * 7919) % 100003, i % 13, i) for i in range(100000)]
rows.sort()
by_second = sorted(rows, key=lambda r: (r[1], -r[2]))
elapsed = time.perf_counter() - start
print(rows[0], rows[-1], by_second[0], by_second[-1])
print(f"elapsed_ms={elapsed * 1000:.3f}")
