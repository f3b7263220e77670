# is_(None) / is_not(None) / == None / != None, between, desc / asc with nulls.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, desc, asc, nulls_last

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("v", Integer), Column("s", String(5)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"v": 5, "s": "a"}, {"v": None, "s": None}, {"v": 1, "s": "b"}, {"v": 9, "s": None}])
with engine.connect() as conn:
    for cond in [t.c.s.is_(None), t.c.s.is_not(None), t.c.s == None, t.c.s != None,
                 t.c.v.between(1, 5), ~t.c.v.between(2, 8), t.c.v.between(6, 1)]:
        print(str(cond), "->", conn.execute(select(t.c.id).where(cond).order_by(t.c.id)).scalars().all())
    print(conn.execute(select(t.c.id).order_by(desc(t.c.v))).scalars().all())
    print(conn.execute(select(t.c.id).order_by(asc(t.c.v))).scalars().all())
    print(conn.execute(select(t.c.id).order_by(t.c.v.desc().nulls_last())).scalars().all())
    print(conn.execute(select(t.c.id).order_by(nulls_last(t.c.v.asc()))).scalars().all())
    print(conn.execute(select(t.c.id).order_by(t.c.s, t.c.id.desc())).scalars().all())
