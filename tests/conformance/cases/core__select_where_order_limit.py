# select() with where, order_by (asc/desc), limit and offset.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert

metadata = MetaData()
people = Table("people", metadata, Column("id", Integer, primary_key=True),
               Column("name", String(20)), Column("age", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(people), [{"name": n, "age": a} for n, a in
                                  [("ann", 31), ("bob", 25), ("cy", 42), ("dee", 25), ("eve", 19)]])
with engine.connect() as conn:
    q = select(people.c.name, people.c.age).where(people.c.age > 20).order_by(people.c.age.desc(), people.c.name)
    print(conn.execute(q).all())
    print(conn.execute(q.limit(2)).all())
    print(conn.execute(q.limit(2).offset(1)).all())
    print(conn.execute(q.offset(3)).all())
    print(conn.execute(select(people.c.name).where(people.c.age == 25).where(people.c.name != "bob")).all())
    print(conn.execute(select(people.c.name).filter(people.c.age < 30).order_by(people.c.name.asc())).scalars().all())
