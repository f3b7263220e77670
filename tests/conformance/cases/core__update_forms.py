# update(): where/values with column keys and string keys, expression values, returning,
# ordered_values, and an update of every row.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, update, select

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)),
          Column("a", Integer), Column("b", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "p", "a": 1, "b": 10}, {"name": "q", "a": 2, "b": 20}, {"name": "r", "a": 3, "b": 30}])
    r = conn.execute(update(t).where(t.c.id == 1).values(name="P"))
    print(r.rowcount)
    r = conn.execute(update(t).where(t.c.name == "q").values({t.c.a: 22, "b": 200}))
    print(r.rowcount)
    r = conn.execute(update(t).where(t.c.a > 1).values(b=t.c.b + t.c.a, name=t.c.name + "*"))
    print(r.rowcount)
    r = conn.execute(update(t).where(t.c.id == 3).values(a=t.c.a * 2).returning(t.c.id, t.c.a, t.c.b))
    print(r.all())
    stmt = update(t).ordered_values((t.c.b, t.c.a + 1), (t.c.a, 100)).where(t.c.id == 1)
    print(stmt)
    conn.execute(stmt)
    print(update(t).values(a=0))
    r = conn.execute(update(t).values(a=0))
    print(r.rowcount)
    r = conn.execute(update(t).where(t.c.id == 99).values(a=1))
    print(r.rowcount)
    r = conn.execute(update(t).where(t.c.id == 2), {"name": "bound"})
    print(r.rowcount)
    print(conn.execute(select(t).order_by(t.c.id)).all())
