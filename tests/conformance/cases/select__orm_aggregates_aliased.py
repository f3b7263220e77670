# 2.0-style ORM selects with func/group_by/having, a subquery joined back to the entity, and
# aliased() for a self-comparison.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, aliased

class Base(DeclarativeBase):
    pass

class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer: Mapped[str] = mapped_column(String(10))
    total: Mapped[int]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Order(customer=c, total=t) for c, t in [("ann", 10), ("bob", 30), ("ann", 25), ("cy", 5), ("bob", 1)]])
    s.commit()
    q = select(Order.customer, func.count(Order.id), func.sum(Order.total)).group_by(Order.customer).having(func.count(Order.id) > 1).order_by(Order.customer)
    print(s.execute(q).all())
    best = select(Order.customer, func.max(Order.total).label("top")).group_by(Order.customer).subquery()
    q = select(Order).join(best, (Order.customer == best.c.customer) & (Order.total == best.c.top)).order_by(Order.id)
    print([(o.customer, o.total) for o in s.scalars(q)])
    o2 = aliased(Order)
    q = select(Order.id, o2.id).join(o2, (Order.customer == o2.customer) & (Order.id < o2.id)).order_by(Order.id)
    print(q)
    print(s.execute(q).all())
    print(s.scalar(select(func.avg(Order.total))))
