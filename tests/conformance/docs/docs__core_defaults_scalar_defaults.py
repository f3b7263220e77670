# source: doc/build/core/defaults.rst, section "Scalar Defaults"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

t = Table("mytable", metadata_obj, Column("id", Integer, primary_key=True),
          Column("somecolumn", Integer, default=12),
          Column("othercolumn", Integer, onupdate=25))
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), [{"id": 1}, {"id": 2}])
    conn.execute(t.update().where(t.c.id == 1).values(somecolumn=5))
    print(conn.execute(select(t).order_by(t.c.id)).all())
