# Window frames: over(rows=/range_=/groups=(start, end)) — UNBOUNDED for None, CURRENT ROW for 0,
# bound offsets PRECEDING / FOLLOWING — printed and executed (running totals, moving sums).
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, func, insert, select
from sqlalchemy.exc import ArgumentError

metadata = MetaData()
sales = Table("sales", metadata, Column("id", Integer, primary_key=True), Column("amount", Integer))
for kw in [dict(rows=(None, 0)), dict(rows=(-1, 1)), dict(range_=(None, None)), dict(rows=(0, None)),
           dict(range_=(-5, 0)), dict(rows=(2, 5)), dict(groups=(None, 0))]:
    print(select(sales.c.id, func.sum(sales.c.amount).over(order_by=sales.c.id, **kw).label("s")))
try:
    func.sum(sales.c.amount).over(rows=(None, 0), range_=(None, 0))
except ArgumentError as e:
    print("ArgumentError:", e)
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(sales), [{"amount": a} for a in (5, 3, 8, 1, 4)])
    running = func.sum(sales.c.amount).over(order_by=sales.c.id, rows=(None, 0)).label("running")
    moving = func.avg(sales.c.amount).over(order_by=sales.c.id, rows=(-1, 1)).label("moving")
    for row in conn.execute(select(sales.c.id, sales.c.amount, running, moving)):
        print(row.id, row.amount, row.running, round(row.moving, 2))
