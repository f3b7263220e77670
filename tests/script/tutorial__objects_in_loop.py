class Stuff:
    def __init__(self, id, foo):
        self.id = id
        self.foo = foo
    def __repr__(self):
        return f"<Stuff id={self.id} foo={self.foo}>"
rows = [Stuff(i, i * 10) for i in range(1, 4)]
for obj in rows:
    obj.foo += 1
print(rows)
print(sum(o.foo for o in rows))
