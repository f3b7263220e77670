# Method 1: load every object and change it in Python; the flush sends one UPDATE per row.
for obj in session.query(Stuff):
    obj.foo += 1
session.commit()
print(session.scalar(select(func.sum(Stuff.foo))))
