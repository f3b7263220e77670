# Method 3: a Core UPDATE on the table; one statement, the session is not told.
stuff = Stuff.__table__
session.execute(update(stuff).values(foo=stuff.c.foo + 1))
session.commit()
print(session.scalar(select(func.sum(Stuff.foo))))
