# A label is `expr AS name` only in the columns clause: in WHERE it is its expression, in
# ORDER BY its name when the same label is selected (else its expression); Select.label()
# makes a labeled scalar subquery.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, func, insert, select

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("g", String), Column("x", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)

plus = (t.c.x + 1).label("y")
top = select(func.max(t.c.x)).where(t.c.g == "a").label("top_a")
with engine.begin() as conn:
    conn.execute(insert(t), [{"g": "a", "x": 1}, {"g": "a", "x": 5}, {"g": "b", "x": 3}])
    print(conn.execute(select(t.c.id, plus).where(plus > 2).order_by(plus.desc())).all())
    print(conn.execute(select(t.c.id).where(plus > 2).order_by(plus)).all())
    print(conn.execute(select(t.c.id, top)).all())
    print(conn.execute(select(t.c.id).where(t.c.x < top)).scalars().all())
    n = func.count(t.c.id).label("n")
    print(conn.execute(select(t.c.g, n).group_by(t.c.g).order_by(n.desc(), t.c.g)).all())
