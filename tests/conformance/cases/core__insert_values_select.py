import warnings
from sqlalchemy import create_engine, select, insert, Table, Column, Integer, String, MetaData
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("x", String))
u = Table("u", m, Column("id", Integer, primary_key=True), Column("y", Integer))
e = create_engine("sqlite://")
m.create_all(e)
with e.begin() as c:
    c.execute(t.insert(), [{"x": "a"}, {"x": "b"}])
    stmt = insert(u).values([{"y": select(t.c.id).where(t.c.x == "a")}, {"y": select(t.c.id).where(t.c.x == "b")}])
    print(stmt)
    c.execute(stmt)
    stmt = insert(u).values(y=select(t.c.id).where(t.c.x == "b"))
    print(stmt)
    c.execute(stmt)
    print(c.execute(select(u)).all())
