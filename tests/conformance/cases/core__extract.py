# extract(field, expr): EXTRACT(...) printed, CAST(STRFTIME(...) AS INTEGER) on SQLite, Integer results, the CompileError for an unknown field.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, DateTime, select, extract, func
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("ts", DateTime), Column("n", Integer))
print(select(extract("year", t.c.ts)))
print(select(t.c.id).where(extract("month", t.c.ts) == 5))
e = create_engine("sqlite://")
md.create_all(e)
import datetime
with e.begin() as c:
    c.execute(t.insert(), [{"ts": datetime.datetime(2020, 5, 3, 4, 5, 6), "n": 1}])
    print(c.execute(select(extract("year", t.c.ts), extract("month", t.c.ts), extract("day", t.c.ts), extract("hour", t.c.ts))).all())
    print(c.execute(select(extract("doy", t.c.ts).label("d"), extract("minute", t.c.ts) + 1).where(extract("second", t.c.ts) > 3)).all())
print(type(extract("year", t.c.ts)).__name__)
from sqlalchemy.dialects import sqlite
print(select(extract("week", t.c.ts)).compile(dialect=sqlite.dialect()))
try:
    with e.connect() as c:
        c.execute(select(extract("century", t.c.ts)))
except Exception as ex:
    print(type(ex).__name__, ex)
print(select(extract("century", t.c.ts)))
