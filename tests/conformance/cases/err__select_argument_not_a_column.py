# select() of something that is not a column expression: SQLAlchemy's ArgumentError, not a
# silently bound parameter.
import datetime
from sqlalchemy import Column, Integer, MetaData, Table, select, union
from sqlalchemy.exc import ArgumentError

t = Table("t", MetaData(), Column("id", Integer, primary_key=True))
print(select(5, 2.5, None, True))
for bad in [datetime.date(2020, 1, 1), b"x", (1, 2), select(t.c.id), union(select(t.c.id), select(t.c.id))]:
    try:
        select(bad)
    except ArgumentError as e:
        print(type(e).__name__, str(e)[:120])
print(select(union(select(t.c.id), select(t.c.id)).subquery()))
