# source: doc/build/core/defaults.rst, section "Python-Executed Functions"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

# a function which counts upwards
i = 0

def mydefault():
    global i
    i += 1
    return i

t = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer, primary_key=True, default=mydefault),
    Column("data", String(20)),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {"data": "a"})
    conn.execute(t.insert(), [{"data": "b"}, {"data": "c"}])
    print(conn.execute(select(t).order_by(t.c.id)).all())
