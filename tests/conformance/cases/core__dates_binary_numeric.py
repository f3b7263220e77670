# Date/DateTime/Time values, LargeBinary, Numeric and Float: what is bound, stored and returned.
import datetime
from decimal import Decimal
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, Date, DateTime, Time, LargeBinary,
                        Numeric, Float, insert, select, update)

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("d", Date), Column("dt", DateTime),
          Column("tm", Time), Column("data", LargeBinary), Column("price", Numeric(10, 2)),
          Column("rate", Numeric(6, 3)), Column("f", Float))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [
        {"d": datetime.date(1999, 12, 31), "dt": datetime.datetime(2000, 1, 1, 0, 0), "tm": datetime.time(23, 59, 1),
         "data": b"abc", "price": Decimal("10.5"), "rate": 1, "f": 1.0},
        {"d": datetime.date(2024, 2, 29), "dt": datetime.datetime(2024, 2, 29, 12, 30, 45, 123456),
         "tm": datetime.time(0, 0), "data": bytes(range(5)), "price": 12.0, "rate": Decimal("0.3333"), "f": 1 / 3},
        {"d": None, "dt": None, "tm": None, "data": None, "price": None, "rate": None, "f": None},
    ])
    conn.execute(update(t).where(t.c.id == 1).values(price=t.c.price * 2))
with engine.connect() as conn:
    for row in conn.execute(select(t).order_by(t.c.id)):
        print(row)
    print(conn.execute(select(t.c.id).where(t.c.d > datetime.date(2000, 1, 1))).scalars().all())
    print(conn.execute(select(t.c.id).where(t.c.dt.between(datetime.datetime(1999, 1, 1), datetime.datetime(2001, 1, 1)))).scalars().all())
    print(conn.execute(select(t.c.price + 1, t.c.f * 3).where(t.c.id == 2)).one())
