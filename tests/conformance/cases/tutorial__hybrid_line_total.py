# hybrid_property for computed values: line total (price * qty) usable on instances and in
# queries, a discounted total with an explicit .expression using case(), and a
# hybrid_method for a threshold test.
from decimal import Decimal

from sqlalchemy import Numeric, String, case, create_engine, select
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class LineItem(Base):
    __tablename__ = "line_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    product: Mapped[str] = mapped_column(String(40))
    unit_price: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    quantity: Mapped[int]

    @hybrid_property
    def total(self):
        return self.unit_price * self.quantity

    @hybrid_property
    def discounted(self):
        if self.quantity >= 10:
            return self.total * Decimal("0.9")
        return self.total

    @discounted.expression
    def discounted(cls):
        return case((cls.quantity >= 10, cls.unit_price * cls.quantity * 0.9), else_=cls.unit_price * cls.quantity)

    @hybrid_method
    def costs_more_than(self, amount):
        return self.unit_price * self.quantity > amount

    def __repr__(self):
        return f"<{self.product} x{self.quantity}>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        LineItem(product="pen", unit_price=Decimal("1.50"), quantity=12),
        LineItem(product="pad", unit_price=Decimal("4.00"), quantity=3),
        LineItem(product="ink", unit_price=Decimal("9.99"), quantity=1),
    ])
    session.commit()

    pen = session.scalars(select(LineItem).filter_by(product="pen")).one()
    print(pen.total, pen.discounted, pen.costs_more_than(10))

    print(session.scalars(select(LineItem).where(LineItem.total > 10).order_by(LineItem.total)).all())
    print(session.scalars(select(LineItem).where(LineItem.costs_more_than(5))).all())
    for product, total, disc in session.execute(select(LineItem.product, LineItem.total, LineItem.discounted).order_by(LineItem.id)):
        print(product, total, round(disc, 2))
    print(select(LineItem.total))
