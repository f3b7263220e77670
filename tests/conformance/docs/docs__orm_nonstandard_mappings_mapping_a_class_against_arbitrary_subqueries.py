# source: doc/build/orm/nonstandard_mappings.rst, section "Mapping a Class against Arbitrary Subqueries"
# adapted: `customers` / `orders` are small tables on the page's Base's metadata with rows; the mapped Customer queried
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


customers = Table(
    "customers",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
)
orders = Table(
    "orders",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id")),
    Column("price", Integer),
)
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(customers.insert(), [{"id": 1, "name": "c1"}, {"id": 2, "name": "c2"}])
    conn.execute(orders.insert(), [{"customer_id": 1, "price": 10}, {"customer_id": 1, "price": 30},
                                   {"customer_id": 2, "price": 5}])

# --- doc/build/orm/nonstandard_mappings.rst ---
from sqlalchemy import select, func

subq = (
    select(
        func.count(orders.c.id).label("order_count"),
        func.max(orders.c.price).label("highest_order"),
        orders.c.customer_id,
    )
    .group_by(orders.c.customer_id)
    .subquery()
)

customer_select = (
    select(customers, subq)
    .join_from(customers, subq, customers.c.id == subq.c.customer_id)
    .subquery()
)


class Customer(Base):
    __table__ = customer_select


with Session(engine) as session:
    for c in session.scalars(select(Customer).order_by(Customer.id)):
        print(c.id, c.name, c.order_count, c.highest_order)
