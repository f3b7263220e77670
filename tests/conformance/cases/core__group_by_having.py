# GROUP BY with aggregate functions and HAVING.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, func

metadata = MetaData()
sales = Table("sales", metadata, Column("id", Integer, primary_key=True),
              Column("region", String(10)), Column("amount", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(sales), [{"region": r, "amount": a} for r, a in
                                 [("north", 10), ("south", 5), ("north", 7), ("east", 1), ("south", 20), ("north", 3)]])
with engine.connect() as conn:
    q = (select(sales.c.region, func.count().label("n"), func.sum(sales.c.amount).label("total"))
         .group_by(sales.c.region).order_by(sales.c.region))
    for row in conn.execute(q):
        print(row.region, row.n, row.total)
    q2 = q.having(func.sum(sales.c.amount) > 15)
    print(conn.execute(q2).all())
    q3 = select(sales.c.region).group_by(sales.c.region).having(func.count(sales.c.id) >= 2).order_by(sales.c.region.desc())
    print(conn.execute(q3).scalars().all())
