# Comparison operators and and_/or_/not_/~/&/| combinations, with the SQL printed.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Boolean, select, insert, and_, or_, not_

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("n", Integer),
          Column("name", String(10)), Column("flag", Boolean))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"n": i, "name": "n%d" % i, "flag": i % 2 == 0} for i in range(1, 8)])
conds = [
    t.c.n == 3, t.c.n != 3, t.c.n < 3, t.c.n <= 3, t.c.n > 5, t.c.n >= 5,
    and_(t.c.n > 1, t.c.n < 4),
    or_(t.c.n == 1, t.c.n == 7),
    not_(t.c.n > 2),
    ~(t.c.n == 2),
    (t.c.n > 2) & (t.c.n < 5),
    (t.c.n < 2) | (t.c.n > 6),
    ~((t.c.n < 3) | (t.c.n > 5)),
    and_(or_(t.c.n == 1, t.c.n == 2), t.c.flag == True),
    or_(and_(t.c.n > 5, t.c.flag), t.c.name == "n1"),
    t.c.flag,
    ~t.c.flag,
    not_(t.c.flag),
    t.c.flag == False,
    t.c.flag.is_(True),
]
with engine.connect() as conn:
    for c in conds:
        ids = conn.execute(select(t.c.id).where(c).order_by(t.c.id)).scalars().all()
        print(str(c).replace("\n", " "), "->", ids)
