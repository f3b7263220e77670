# Attribute get/set on class instances in a loop: what an ORM-style script does most.
import time


class Stuff:
    def __init__(self, id, foo):
        self.id = id
        self.foo = foo


objects = [Stuff(i, i % 7) for i in range(1000)]
start = time.perf_counter()
for _ in range(200):
    for obj in objects:
        obj.foo = obj.foo + 1
elapsed = time.perf_counter() - start
print(sum(obj.foo for obj in objects))
print(f"elapsed_ms={elapsed * 1000:.3f}")
