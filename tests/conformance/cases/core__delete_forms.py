# delete(): where, returning, rowcount, and delete of every row.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, delete, select, func

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": c, "n": i} for i, c in enumerate("abcdef")])
    r = conn.execute(delete(t).where(t.c.name == "a"))
    print(r.rowcount)
    r = conn.execute(delete(t).where(t.c.n.in_([2, 3])).returning(t.c.id, t.c.name))
    print(r.all())
    r = conn.execute(delete(t).where(t.c.n > 100))
    print(r.rowcount)
    print(delete(t).where(t.c.n >= 5))
    print(conn.execute(select(func.count()).select_from(t)).scalar())
with engine.begin() as conn:
    r = conn.execute(delete(t))
    print(r.rowcount)
with engine.connect() as conn:
    print(conn.execute(select(t)).all())
