# EXISTS and correlated subqueries: customers with/without orders via exists() and ~exists(),
# a scalar subquery column with the order count, a correlated "latest order" value,
# and IN (subquery).
from sqlalchemy import ForeignKey, String, create_engine, exists, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    amount: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Customer(id=i, name=n) for i, n in enumerate(["Ada", "Ben", "Cy", "Dot"], start=1)])
    session.add_all([Order(customer_id=c, amount=a) for c, a in [(1, 50), (1, 20), (3, 75), (1, 5), (3, 10)]])
    session.commit()

    has_orders = exists().where(Order.customer_id == Customer.id)
    print(session.scalars(select(Customer.name).where(has_orders)).all())
    print(session.scalars(select(Customer.name).where(~has_orders).order_by(Customer.name)).all())

    big = select(Order.id).where(Order.customer_id == Customer.id, Order.amount > 40).exists()
    print(session.scalars(select(Customer.name).where(big)).all())

    n_orders = select(func.count(Order.id)).where(Order.customer_id == Customer.id).correlate(Customer).scalar_subquery()
    stmt = select(Customer.name, n_orders.label("n")).order_by(Customer.id)
    print(stmt)
    print(session.execute(stmt).all())

    latest = select(func.max(Order.amount)).where(Order.customer_id == Customer.id).scalar_subquery()
    print(session.execute(select(Customer.name, latest).where(latest.is_not(None)).order_by(Customer.name)).all())

    buyers = select(Order.customer_id).where(Order.amount < 15)
    print(session.scalars(select(Customer.name).where(Customer.id.in_(buyers))).all())
    print(session.scalar(select(exists().where(Order.amount > 100))))
    print(session.query(exists().where(Customer.name == "Dot")).scalar())
