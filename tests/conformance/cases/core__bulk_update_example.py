# The playground's first example: one Core UPDATE changes every row.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, insert, select, update

metadata = MetaData()
stuff = Table("stuff", metadata,
              Column("id", Integer, primary_key=True),
              Column("foo", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(stuff), [{"foo": i} for i in range(5)])
    # The bulk form: one UPDATE changes every row.
    conn.execute(update(stuff).values(foo=stuff.c.foo + 1))

with engine.connect() as conn:
    foos = conn.execute(select(stuff.c.foo).order_by(stuff.c.id)).scalars().all()
    print("foo values:", foos, "sum:", sum(foos))
