# INSERT / UPDATE / DELETE constructs printed and compiled for SQLite, with params.
from sqlalchemy import MetaData, Table, Column, Integer, String, insert, update, delete, select, func
from sqlalchemy.dialects import sqlite

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
          Column("n", Integer, default=0), Column("s", String(5)))
d = sqlite.dialect()


def show(s):
    print(str(s))
    print(str(s.compile(dialect=d)), s.compile().params)
    print("--")


show(insert(t))
show(insert(t).values(name="a"))
show(insert(t).values(name="a", n=5))
show(insert(t).values({"name": "b", t.c.s: "x"}))
show(insert(t).values(name="a").returning(t.c.id))
show(insert(t).values(name="a").returning(t.c.id, t.c.n))
show(insert(t).values([{"name": "a", "n": 1}, {"name": "b", "n": 2}]))
show(insert(t).from_select(["name", "n"], select(t.c.name, t.c.n + 1).where(t.c.n > 2)))
show(update(t))
show(update(t).values(n=1))
show(update(t).where(t.c.id == 1).values(name="z"))
show(update(t).where(t.c.id == 1).values(n=t.c.n + 1))
show(update(t).where(t.c.name.like("a%")).values({"n": t.c.n * 2, t.c.s: "q"}))
show(update(t).where(t.c.id > 3).where(t.c.n < 2).values(s=func.upper(t.c.name)))
show(update(t).where(t.c.id == 2).values(n=0).returning(t.c.id, t.c.n))
show(update(t).ordered_values((t.c.s, "x"), (t.c.name, "y")).where(t.c.id == 1))
show(delete(t))
show(delete(t).where(t.c.id == 3))
show(delete(t).where(t.c.n.in_([1, 2])).where(t.c.s.is_(None)))
show(delete(t).where(t.c.id == 3).returning(t.c.name))
show(t.insert().values(name="q"))
show(t.update().values(n=2))
show(t.delete().where(t.c.n == 2))
