# Boolean columns: True/False/None bound as 1/0/NULL, read back as bool, filters on them,
# and a CHECK constraint only when create_constraint=True.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, Boolean, insert, select, update, true, false

metadata = MetaData()
t = Table("flags", metadata, Column("id", Integer, primary_key=True), Column("on", Boolean),
          Column("checked", Boolean(create_constraint=True)), Column("d", Boolean, default=False))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"on": True, "checked": False}, {"on": False, "checked": True}, {"on": None, "checked": None}])
    conn.execute(update(t).where(t.c.on.is_(None)).values(on=True, d=True))
with engine.connect() as conn:
    print(conn.execute(select(t).order_by(t.c.id)).all())
    print(conn.execute(select(t.c.id).where(t.c.on == True)).scalars().all())
    print(conn.execute(select(t.c.id).where(t.c.on.is_not(True))).scalars().all())
    print(conn.execute(select(t.c.id).where(t.c.d == false())).scalars().all())
    print(conn.execute(select(t.c.id).where(true())).scalars().all())
    print(conn.execute(select(t.c.id).where(t.c.checked.in_([True]))).scalars().all())
