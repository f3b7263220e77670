# SQLAlchemy 1.x accepted update(table, values={...}); 2.x takes .values(...). The old form
# raises a TypeError; the new one sends the same single UPDATE.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, update, insert, select

metadata = MetaData()
stuff = Table("stuff", metadata, Column("id", Integer, primary_key=True), Column("foo", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(stuff), [{"foo": n} for n in range(5)])
    try:
        conn.execute(update(stuff, values={stuff.c.foo: stuff.c.foo + 1}))
    except TypeError as e:
        print("1.x form:", e)
    conn.execute(update(stuff).values(foo=stuff.c.foo + 1))
    print("2.x form:", conn.execute(select(stuff.c.foo).order_by(stuff.c.id)).scalars().all())
