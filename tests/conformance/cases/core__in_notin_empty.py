# in_ / not_in with values, with an empty list, and with a subquery.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, not_

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("c", String(5)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"c": c} for c in ["a", "b", "c", None]])
with engine.connect() as conn:
    for cond in [t.c.c.in_(["a", "c"]), t.c.c.not_in(["a", "c"]), t.c.c.in_([]),
                 t.c.c.not_in([]), not_(t.c.c.in_(["b"])), ~t.c.id.in_([1, 2]),
                 t.c.id.in_(select(t.c.id).where(t.c.c > "a")), t.c.id.in_((4,))]:
        print(conn.execute(select(t.c.id).where(cond).order_by(t.c.id)).scalars().all())
