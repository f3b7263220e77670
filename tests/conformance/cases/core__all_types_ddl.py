# A Core Table with every common column type; create_all, one row in, read back, drop_all.
import datetime
from decimal import Decimal
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, Text, Float,
                        Numeric, Boolean, Date, DateTime, LargeBinary, insert, select)

metadata = MetaData()
things = Table(
    "things", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40), nullable=False),
    Column("notes", Text),
    Column("ratio", Float),
    Column("price", Numeric(8, 2)),
    Column("active", Boolean),
    Column("born", Date),
    Column("seen", DateTime),
    Column("blob", LargeBinary),
)

engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(things).values(
        name="widget", notes="a long text", ratio=0.25, price=Decimal("19.99"), active=True,
        born=datetime.date(2020, 2, 29), seen=datetime.datetime(2021, 3, 4, 5, 6, 7, 890),
        blob=b"\x00\x01\xff"))
with engine.connect() as conn:
    row = conn.execute(select(things)).one()
    for key, value in row._mapping.items():
        print(key, type(value).__name__, repr(value))
print([c.name for c in things.columns])
print(repr(things.c.price.type), repr(things.c.name.type))
metadata.drop_all(engine)
print("dropped")
