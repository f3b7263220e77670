# distinct() as a column expression (count(DISTINCT x); outside an aggregate SQLAlchemy warns at
# every compile), Result.keys() as SQLAlchemy's RMKeyView, and type arguments.
from sqlalchemy import (
    Column, Integer, MetaData, Numeric, String, Table, create_engine, distinct, func, insert,
    select, text,
)

metadata = MetaData()
t = Table("visit", metadata, Column("id", Integer, primary_key=True), Column("page", String(20)),
          Column("cost", Numeric(10, 2, asdecimal=True)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
print(select(func.count(distinct(t.c.page))))
print(select(func.count(t.c.page.distinct()).label("pages")))
print(select(distinct(t.c.page)))
with engine.begin() as conn:
    conn.execute(insert(t), [{"page": "/", "cost": 1}, {"page": "/", "cost": 2}, {"page": "/a", "cost": 3}])
    print(conn.execute(select(func.count(distinct(t.c.page)))).scalar())
    result = conn.execute(select(t.c.page, func.count().label("n")).group_by(t.c.page).order_by(t.c.page))
    keys = result.keys()
    print(keys, len(keys), "n" in keys, list(keys), keys == ["page", "n"])
    for row in result:
        print(dict(zip(keys, row)))
    print(conn.execute(text("SELECT 1 AS a, 2 AS b")).keys())
