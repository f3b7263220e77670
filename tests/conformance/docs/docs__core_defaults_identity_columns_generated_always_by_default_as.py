# source: doc/build/core/defaults.rst, section "Identity Columns (GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY)"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import Table, Column, MetaData, Integer, Identity, String
from sqlalchemy import create_engine, select
from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import postgresql

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

data = Table(
    "data",
    metadata_obj,
    Column("id", Integer, Identity(start=42, cycle=True), primary_key=True),
    Column("data", String),
)
print(CreateTable(data).compile(dialect=postgresql.dialect()))
# SQLite ignores the Identity
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(data.insert(), [{"data": "a"}, {"data": "b"}])
    print(conn.execute(select(data)).all())
