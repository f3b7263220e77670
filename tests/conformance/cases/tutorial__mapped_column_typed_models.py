# Modern typed models: DeclarativeBase, Mapped[], mapped_column with Optional, List,
# DateTime, Numeric, Boolean; relationship() with back_populates.
import datetime
from decimal import Decimal
from typing import List, Optional

from sqlalchemy import create_engine, ForeignKey, String, Numeric, Boolean, DateTime, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    nickname: Mapped[Optional[str]]
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    invoices: Mapped[List["Invoice"]] = relationship(back_populates="customer")

    def __repr__(self) -> str:
        return f"Customer(id={self.id!r}, name={self.name!r}, active={self.is_active})"


class Invoice(Base):
    __tablename__ = "invoice"

    id: Mapped[int] = mapped_column(primary_key=True)
    total: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    issued_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    paid: Mapped[bool] = mapped_column(default=False)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    customer: Mapped["Customer"] = relationship(back_populates="invoices")

    def __repr__(self) -> str:
        return f"Invoice({self.total}, paid={self.paid})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    c = Customer(name="Acme", invoices=[
        Invoice(total=Decimal("19.99"), issued_at=datetime.datetime(2024, 3, 1, 9, 30)),
        Invoice(total=Decimal("5.50"), issued_at=datetime.datetime(2024, 3, 2, 14, 0), paid=True),
    ])
    session.add(c)
    session.add(Customer(name="Globex", nickname="gx", is_active=False))
    session.commit()

    for cust in session.scalars(select(Customer).order_by(Customer.id)):
        print(cust, cust.nickname, cust.invoices)

    unpaid = session.scalars(select(Invoice).where(Invoice.paid == False)).all()
    print(unpaid, unpaid[0].issued_at, type(unpaid[0].total).__name__)
    print(session.scalars(select(Invoice.issued_at).order_by(Invoice.issued_at.desc())).first())
    inv = session.get(Invoice, 2)
    print(inv.customer.name, inv.issued_at.strftime("%Y-%m-%d"))
