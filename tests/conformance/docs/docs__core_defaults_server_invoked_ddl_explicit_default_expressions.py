# source: doc/build/core/defaults.rst, section "Server-invoked DDL-Explicit Default Expressions"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

# func.sysdate() (Oracle) reads the clock; a deterministic SQL function takes its place
t = Table(
    "test",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("abc", String(20), server_default="abc"),
    Column("created_at", String(20), server_default=func.lower("CREATED")),
    Column("index_value", Integer, server_default=text("0")),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    result = conn.execute(t.insert(), {"id": 1})
    print(result.inserted_primary_key)
    print(conn.execute(select(t)).all())
