# A Core reporting script: Tables, an executemany of seed rows, select with join, group_by,
# having, func.sum/count/avg with labels, order_by desc, and a plain-text table printed with
# str.ljust / rjust and f-string widths.
from sqlalchemy import (Column, Date, ForeignKey, Integer, MetaData, Numeric, String, Table,
                        create_engine, desc, func, select)
from datetime import date
from decimal import Decimal

engine = create_engine("sqlite://")
meta = MetaData()

regions = Table("regions", meta, Column("id", Integer, primary_key=True), Column("name", String(30)))
reps = Table(
    "reps", meta,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
    Column("region_id", ForeignKey("regions.id")),
)
sales = Table(
    "sales", meta,
    Column("id", Integer, primary_key=True),
    Column("rep_id", Integer, ForeignKey("reps.id"), nullable=False),
    Column("amount", Numeric(10, 2)),
    Column("sold_on", Date),
)
meta.create_all(engine)

with engine.begin() as conn:
    conn.execute(regions.insert(), [{"name": "North"}, {"name": "South"}])
    conn.execute(reps.insert(), [
        {"name": "Alma", "region_id": 1},
        {"name": "Bert", "region_id": 1},
        {"name": "Cleo", "region_id": 2},
    ])
    conn.execute(sales.insert(), [
        {"rep_id": 1, "amount": Decimal("120.50"), "sold_on": date(2024, 1, 3)},
        {"rep_id": 1, "amount": Decimal("80.00"), "sold_on": date(2024, 1, 9)},
        {"rep_id": 2, "amount": Decimal("45.25"), "sold_on": date(2024, 2, 1)},
        {"rep_id": 3, "amount": Decimal("300.00"), "sold_on": date(2024, 2, 14)},
        {"rep_id": 3, "amount": Decimal("19.99"), "sold_on": date(2024, 3, 2)},
        {"rep_id": 2, "amount": Decimal("60.00"), "sold_on": date(2024, 3, 5)},
    ])

total = func.sum(sales.c.amount).label("total")
stmt = (
    select(regions.c.name.label("region"), reps.c.name.label("rep"), func.count(sales.c.id).label("n"), total)
    .select_from(sales.join(reps).join(regions))
    .group_by(regions.c.name, reps.c.name)
    .order_by(desc("total"))
)

with engine.connect() as conn:
    rows = conn.execute(stmt).all()
    print(rows[0]._fields)
    print("Region".ljust(8) + "Rep".ljust(6) + "N".rjust(3) + "Total".rjust(10))
    print("-" * 27)
    for r in rows:
        print(r.region.ljust(8) + r.rep.ljust(6) + str(r.n).rjust(3) + f"{r.total:>10.2f}")

    by_region = (
        select(regions.c.name, func.avg(sales.c.amount).label("avg_sale"))
        .join_from(regions, reps)
        .join(sales, sales.c.rep_id == reps.c.id)
        .group_by(regions.c.id)
        .having(func.count(sales.c.id) > 3)
    )
    print(str(by_region))
    for name, avg_sale in conn.execute(by_region):
        print(name, round(avg_sale, 2))

    monthly = select(func.strftime("%Y-%m", sales.c.sold_on).label("month"), func.sum(sales.c.amount)).group_by("month").order_by("month")
    for month, amount in conn.execute(monthly):
        print(month, amount)
