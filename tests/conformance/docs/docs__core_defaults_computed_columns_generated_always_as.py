# source: doc/build/core/defaults.rst, section "Computed Columns (GENERATED ALWAYS AS)"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import Table, Column, MetaData, Integer, Computed
from sqlalchemy import create_engine, select

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

square = Table(
    "square",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("side", Integer),
    Column("area", Integer, Computed("side * side")),
    Column("perimeter", Integer, Computed("4 * side")),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(square.insert(), [{"side": 2}, {"side": 5}])
    print(conn.execute(select(square)).all())
