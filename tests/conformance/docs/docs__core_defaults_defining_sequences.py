# source: doc/build/core/defaults.rst, section "Defining Sequences"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

table = Table(
    "cartitems",
    metadata_obj,
    Column(
        "cart_id",
        Integer,
        Sequence("cart_id_seq", start=1),
        primary_key=True,
    ),
    Column("description", String(40)),
    Column("createdate", String(30)),
)
# SQLite has no sequences: the Sequence is skipped in DDL and INSERT
metadata_obj.create_all(engine)
with engine.begin() as conn:
    result = conn.execute(table.insert(), {"description": "some description", "createdate": "2015-10-15 12:00:15"})
    print(result.inserted_primary_key)
    print(conn.execute(select(table)).all())
from sqlalchemy.schema import CreateSequence
from sqlalchemy.dialects import postgresql
print(CreateSequence(Sequence("cart_id_seq", start=1)).compile(dialect=postgresql.dialect()))
print(table.insert().values(description="x").compile(dialect=postgresql.dialect()))
