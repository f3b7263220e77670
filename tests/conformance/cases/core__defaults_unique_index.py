# Column defaults: a scalar, a Python callable, a server_default; unique and index flags.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, select, text

counter = {"n": 0}

def next_code():
    counter["n"] += 1
    return "C%03d" % counter["n"]

metadata = MetaData()
items = Table(
    "items", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(20), unique=True, nullable=False),
    Column("code", String(10), default=next_code),
    Column("qty", Integer, default=1),
    Column("status", String(10), server_default="new"),
    Column("kind", String(10), server_default=text("'plain'")),
    Column("owner", String(20), index=True),
)

engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(items).values(sku="a-1", owner="ann"))
    conn.execute(insert(items), [{"sku": "b-2", "owner": "bob"}, {"sku": "c-3", "owner": "cy"}])
    conn.execute(insert(items).values(sku="d-4", qty=7, code="MINE", status="old"))
with engine.connect() as conn:
    for row in conn.execute(select(items).order_by(items.c.id)):
        print(row)
print(counter)
print(sorted(i.name for i in items.indexes))
