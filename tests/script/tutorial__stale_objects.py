class Stuff:
    def __init__(self, id, foo):
        self.id, self.foo = id, foo
db = {1: 10, 2: 20}
loaded = {k: Stuff(k, v) for k, v in db.items()}
for k in db:
    db[k] += 1
stale = [s.id for s in loaded.values() if s.foo != db[s.id]]
print("stale objects:", stale)
for s in loaded.values():
    s.foo = db[s.id]
print([s.foo for s in loaded.values()])
