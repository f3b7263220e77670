# insert(): values(), executemany, returning(), multi-VALUES insert, inserted_primary_key.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, select

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)),
          Column("n", Integer, default=0))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    r = conn.execute(insert(t).values(name="one"))
    print(r.inserted_primary_key, r.rowcount)
    r = conn.execute(insert(t), {"name": "two", "n": 2})
    print(r.inserted_primary_key)
    r = conn.execute(insert(t), [{"name": "three", "n": 3}, {"name": "four", "n": 4}])
    print(r.rowcount)
    r = conn.execute(insert(t).values(name="five").returning(t.c.id, t.c.n))
    print(r.all())
    r = conn.execute(insert(t).values([{"name": "six", "n": 6}, {"name": "seven", "n": 7}]))
    print(r.rowcount)
    r = conn.execute(insert(t).values([{"name": "eight"}, {"name": "nine"}]).returning(t.c.id, t.c.name))
    print(r.all())
    r = conn.execute(insert(t).returning(t.c.id), [{"name": "ten"}, {"name": "eleven"}])
    print(r.all())
    r = conn.execute(insert(t).from_select(["name", "n"], select(t.c.name + "!", t.c.n * 10).where(t.c.n > 5)))
    print(r.rowcount)
    print(insert(t).values(name="x"))
