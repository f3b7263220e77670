# MappedAsDataclass models: generated __init__/__repr__/__eq__, init=False primary keys,
# default and default_factory, a relationship with default_factory=list.
from datetime import date
from decimal import Decimal
from typing import List, Optional

from sqlalchemy import ForeignKey, Numeric, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, Session, mapped_column, relationship


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class Warehouse(Base):
    __tablename__ = "warehouses"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    items: Mapped[List["Item"]] = relationship(default_factory=list, back_populates="warehouse", repr=False)


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str]
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    quantity: Mapped[int] = mapped_column(default=0)
    received: Mapped[Optional[date]] = mapped_column(default=None)
    warehouse_id: Mapped[Optional[int]] = mapped_column(ForeignKey("warehouses.id"), init=False, default=None)
    warehouse: Mapped[Optional[Warehouse]] = relationship(default=None, back_populates="items", repr=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

main = Warehouse(name="Main")
bolt = Item("bolt", Decimal("0.15"), quantity=500, received=date(2024, 1, 15))
nut = Item(name="nut", price=Decimal("0.05"))
print(bolt)
print(nut)
print(Item("nut", Decimal("0.05")) == nut)

main.items.append(bolt)
main.items.append(nut)
print(main)

with Session(engine) as session:
    session.add(main)
    session.commit()
    print(bolt)
    for item in session.scalars(select(Item).order_by(Item.price.desc())):
        print(item.name, item.price, item.quantity, item.warehouse.name)
    total = sum(i.price * i.quantity for i in main.items)
    print(f"stock value: {total:.2f}")
