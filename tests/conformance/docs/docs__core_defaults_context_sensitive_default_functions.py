# source: doc/build/core/defaults.rst, section "Context-Sensitive Default Functions"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

def mydefault(context):
    return context.get_current_parameters()["counter"] + 12

t = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("counter", Integer),
    Column("counter_plus_twelve", Integer, default=mydefault, onupdate=mydefault),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {"counter": 1})
    conn.execute(t.insert(), [{"counter": 10}, {"counter": 20}])
    conn.execute(t.update().where(t.c.id == 1).values(counter=5))
    print(conn.execute(select(t).order_by(t.c.id)).all())
