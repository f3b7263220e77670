# A 1,000,000-iteration arithmetic loop: the interpreter's dispatch and integer speed.
import time

start = time.perf_counter()
total = 0
i = 0
while i < 1000000:
    total = (total + i * 3) % 1000003
    i += 1
elapsed = time.perf_counter() - start
print(total)
print(f"elapsed_ms={elapsed * 1000:.3f}")
