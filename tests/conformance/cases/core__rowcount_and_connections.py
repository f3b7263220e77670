# engine.begin() commits, engine.connect() needs conn.commit(); leaving connect() without
# committing rolls back; conn.begin() block; rowcount of UPDATE/DELETE.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, insert, update, delete, select, func

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.connect() as conn:
    conn.execute(insert(t), [{"n": 1}, {"n": 2}])
    print("in transaction:", conn.in_transaction())
    conn.commit()
    print("after commit:", conn.in_transaction())
    conn.execute(insert(t), [{"n": 3}])
    print("not committed, leaving block")
with engine.connect() as conn:
    print(conn.execute(select(func.count()).select_from(t)).scalar())
    conn.rollback()
    with conn.begin():
        print(conn.execute(update(t).values(n=t.c.n * 10)).rowcount)
    print(conn.execute(select(t.c.n)).scalars().all())
    conn.commit()
    trans = conn.begin()
    print(conn.execute(delete(t).where(t.c.n > 10)).rowcount)
    trans.rollback()
    print(conn.execute(select(t.c.n)).scalars().all())
with engine.begin() as conn:
    conn.execute(insert(t).values(n=99))
    print(conn.execute(update(t).where(t.c.n == 99).values(n=98)).rowcount)
with engine.connect() as conn:
    conn.execute(insert(t).values(n=5))
    conn.rollback()
    print(conn.execute(select(t.c.n).order_by(t.c.id)).scalars().all())
