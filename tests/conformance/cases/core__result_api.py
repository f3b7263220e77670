# The Result API: all, first, one, one_or_none, scalar, scalar_one, scalars, mappings,
# iteration, fetchone/fetchmany, keys, Row attribute / index / mapping access, tuples.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, select

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "a", "n": 1}, {"name": "b", "n": 2}, {"name": "c", "n": 3}])
q = select(t.c.id, t.c.name, t.c.n).order_by(t.c.id)
with engine.connect() as conn:
    print(conn.execute(q).all())
    print(conn.execute(q).first())
    print(conn.execute(q.where(t.c.id == 2)).one())
    print(conn.execute(q.where(t.c.id == 9)).one_or_none())
    print(conn.execute(q.where(t.c.id == 9)).first())
    print(conn.execute(q).scalar())
    print(conn.execute(q.where(t.c.id == 3)).scalar_one())
    print(conn.execute(q).scalars().all())
    print(conn.execute(q).scalars(1).all())
    print(conn.execute(q).scalars("n").first())
    print(conn.execute(q).mappings().all())
    print(conn.execute(q).mappings().first()["name"])
    res = conn.execute(q)
    print(list(res.keys()))
    print(res.fetchone())
    print(res.fetchmany(5))
    print(res.fetchone())
    for row in conn.execute(q):
        print(row.id, row[1], row._mapping["n"], row._asdict(), tuple(row), row._fields, row == (row.id, row.name, row.n))
        a, b, c = row
        print(a, b, c, len(row))
    print([r.name for r in conn.execute(q)])
    print(conn.execute(q).columns("n", "name").all())
    print(conn.execute(q).tuples().all())
    print(conn.execute(q).partitions(2) and [p for p in conn.execute(q).partitions(2)])
    print(conn.execute(q).unique().all())
