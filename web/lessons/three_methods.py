# The lesson: three ways to add 1 to every row, and what the session believes afterwards.
from sqlalchemy import create_engine, Column, Integer, select, update, func
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Stuff(Base):
    __tablename__ = "stuff"
    id = Column(Integer, primary_key=True)
    foo = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine, expire_on_commit=False)
session.add_all([Stuff(foo=n) for n in range(10)])
session.commit()
first = session.get(Stuff, 1)
total = select(func.sum(Stuff.foo))

# 1: load every object and change it in Python: the flush sends one UPDATE per row.
for obj in session.query(Stuff):
    obj.foo += 1
session.commit()
print("method 1:", session.scalar(total), "first.foo =", first.foo)

# 2: Query.update: one statement; synchronize_session='auto' updates loaded objects too.
session.query(Stuff).update({Stuff.foo: Stuff.foo + 1})
session.commit()
print("method 2:", session.scalar(total), "first.foo =", first.foo)

# 3: a Core UPDATE on the table: one statement, but the session is not told.
stuff = Stuff.__table__
session.execute(update(stuff).values(foo=stuff.c.foo + 1))
session.commit()
print("method 3:", session.scalar(total), "first.foo =", first.foo, "(stale: the row says 3)")
