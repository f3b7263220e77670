# Core UPDATE / DELETE executed with a list of parameter sets and bindparam(): one DBAPI
# executemany each; rowcount is the total.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, update, delete, select, bindparam

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"id": i, "name": "r%d" % i, "n": i} for i in range(1, 7)])
    stmt = update(t).where(t.c.id == bindparam("rid")).values(n=bindparam("newn"))
    r = conn.execute(stmt, [{"rid": 1, "newn": 10}, {"rid": 2, "newn": 20}, {"rid": 99, "newn": 0}])
    print(r.rowcount)
    stmt = update(t).where(t.c.name == bindparam("oldname")).values(name=bindparam("newname"), n=t.c.n + 1)
    r = conn.execute(stmt, [{"oldname": "r3", "newname": "three"}, {"oldname": "r4", "newname": "four"}])
    print(r.rowcount)
    r = conn.execute(delete(t).where(t.c.id == bindparam("x")), [{"x": 5}, {"x": 6}])
    print(r.rowcount)
    print(conn.execute(select(t).order_by(t.c.id)).all())
