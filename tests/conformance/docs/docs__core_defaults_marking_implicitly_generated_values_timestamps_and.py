# source: doc/build/core/defaults.rst, section "Marking Implicitly Generated Values, timestamps, and Triggered Columns"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()
from sqlalchemy.schema import FetchedValue
from sqlalchemy import TIMESTAMP

t = Table(
    "test",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("abc", TIMESTAMP, server_default=FetchedValue()),
    Column("def", String(20), server_onupdate=FetchedValue()),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {"id": 1, "def": "x"})
    conn.execute(t.update().values(id=2))
    print(conn.execute(select(t)).all())
