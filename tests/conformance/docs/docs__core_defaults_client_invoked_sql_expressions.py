# source: doc/build/core/defaults.rst, section "Client-Invoked SQL Expressions"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

keyvalues = Table(
    "keyvalues",
    metadata_obj,
    Column("type", String(20)),
    Column("key", String(20)),
)
# func.now() and func.utc_timestamp() (MySQL) read the clock; a deterministic SQL
# function takes their place here
t = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    # define 'create_date' to default to a SQL expression
    Column("create_date", String(20), default=func.upper("created")),
    # define 'key' to pull its default from the 'keyvalues' table
    Column(
        "key",
        String(20),
        default=select(keyvalues.c.key).where(keyvalues.c.type == "type1").scalar_subquery(),
    ),
    # define 'last_modified' to use a SQL function on update
    Column("last_modified", String(20), onupdate=func.lower("MODIFIED")),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(keyvalues.insert(), [{"type": "type1", "key": "k1"}, {"type": "type2", "key": "k2"}])
    conn.execute(t.insert(), {"id": 1})
    conn.execute(t.insert(), [{"id": 2}, {"id": 3}])
    conn.execute(t.update().where(t.c.id == 2).values(key="x"))
    print(conn.execute(select(t).order_by(t.c.id)).all())
