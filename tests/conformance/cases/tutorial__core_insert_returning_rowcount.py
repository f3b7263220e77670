# Core inserts and what comes back: inserted_primary_key, lastrowid, rowcount of an
# executemany, insert().values() multi-row form, insert from select, and returning().
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select, func

engine = create_engine("sqlite://")
meta = MetaData()
users = Table("users", meta, Column("id", Integer, primary_key=True), Column("name", String(20)), Column("age", Integer))
archive = Table("archive", meta, Column("id", Integer, primary_key=True), Column("name", String(20)))
meta.create_all(engine)

with engine.begin() as conn:
    r = conn.execute(insert(users).values(name="ann", age=31))
    print(r.inserted_primary_key, r.lastrowid, r.rowcount)
    print(r.inserted_primary_key[0], tuple(r.inserted_primary_key))

    r = conn.execute(insert(users), [{"name": "bob", "age": 25}, {"name": "cy", "age": 42}, {"name": "di", "age": 19}])
    print("many:", r.rowcount)

    r = conn.execute(insert(users).values([{"name": "eve", "age": 50}, {"name": "fox", "age": 60}]))
    print("multi values:", r.rowcount)

    r = conn.execute(insert(users).values(name="gil", age=33).returning(users.c.id, users.c.name))
    print(r.one())

    old = select(users.c.id, users.c.name).where(users.c.age > 40)
    r = conn.execute(insert(archive).from_select(["id", "name"], old))
    print("archived:", r.rowcount)
    print(conn.execute(select(archive).order_by(archive.c.id)).all())
    print(conn.execute(select(func.count()).select_from(users)).scalar())
    print(insert(users).values(name="x"))
