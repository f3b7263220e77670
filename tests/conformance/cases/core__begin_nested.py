# Connection.begin_nested(): SAVEPOINT / RELEASE / ROLLBACK TO per connection counter, nesting, the context manager, an inactive commit, engine.begin() with a savepoint.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, select
engine = create_engine("sqlite://")
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("x", String(10)))
md.create_all(engine)
with engine.connect() as conn:
    sp = conn.begin_nested()
    print(type(sp).__name__, sp.is_active, conn.in_transaction(), conn.in_nested_transaction())
    conn.execute(insert(t).values(x="a"))
    sp.rollback()
    print(sp.is_active, conn.in_nested_transaction())
    sp2 = conn.begin_nested()
    conn.execute(insert(t).values(x="b"))
    sp3 = conn.begin_nested()
    conn.execute(insert(t).values(x="c"))
    sp3.commit()
    sp2.commit()
    try:
        sp2.commit()
    except Exception as e:
        print(type(e).__name__, e)
    with conn.begin_nested() as sp4:
        conn.execute(insert(t).values(x="d"))
    try:
        with conn.begin_nested():
            conn.execute(insert(t).values(x="e"))
            raise ValueError("boom")
    except ValueError as e:
        print("caught", e)
    conn.commit()
    print(conn.execute(select(t)).all())
    conn.rollback()
with engine.begin() as conn:
    sp = conn.begin_nested()
    conn.execute(insert(t), [{"x": "f"}, {"x": "g"}])
    sp.commit()
with engine.connect() as conn:
    print(conn.execute(select(t)).all())
