class Row:
    def __init__(self, id, qty):
        self.id, self.qty, self.dirty = id, qty, False
rows = [Row(i, i % 4) for i in range(1, 9)]
for r in rows:
    if r.qty < 2:
        r.qty += 10
        r.dirty = True
dirty = [r.id for r in rows if r.dirty]
batches = [dirty[i:i + 3] for i in range(0, len(dirty), 3)]
print(dirty, batches, len(batches))
