# Joins, comparisons and joinedload along a secondary (many-to-many) relationship: the SQL SQLAlchemy prints and runs.
from typing import List
from sqlalchemy import ForeignKey, Table, Column, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased, joinedload, with_parent, selectinload

class Base(DeclarativeBase):
    pass

order_items_table = Table(
    "order_items",
    Base.metadata,
    Column("order_id", ForeignKey("user_order.id"), primary_key=True),
    Column("item_id", ForeignKey("item.id"), primary_key=True),
)

class Order(Base):
    __tablename__ = "user_order"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column()
    items: Mapped[List["Item"]] = relationship(secondary=order_items_table)
    def __repr__(self):
        return f"Order({self.id})"

class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    def __repr__(self):
        return f"Item({self.id}, {self.name!r})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
i1, i2, i3 = Item(name="a"), Item(name="b"), Item(name="c")
o1 = Order(user_id=1, items=[i1, i2])
o2 = Order(user_id=2, items=[i2, i3])
s.add(o1)
s.commit()  # one order's association rows per flush: several are flushed in no fixed order
s.add(o2)
s.commit()
# Comparisons read the objects' keys: load them again after the commit expired them.
s.scalars(select(Item)).all()
s.scalars(select(Order)).all()
ia = aliased(Item)
print(select(Order).join(Order.items))
print(select(Order).join(Item, Order.items))
print(select(Order).join(Order.items.of_type(ia)))
print(select(Order).join(Order.items.and_(Item.name == "a")))
print(select(Order).outerjoin(Order.items))
print(select(Order).where(Order.items.contains(i1)))
print(select(Order).where(Order.items.any()))
print(select(Order).where(Order.items.any(Item.name == "a")))
print(select(Order).where(Order.items.any(name="b")))
print(select(Item).where(with_parent(o1, Order.items)))
for f in (lambda: Order.items != i1, lambda: Order.items == i1, lambda: Order.items == None, lambda: Order.items != None, lambda: Order.items.has()):
    try:
        print(select(Order).where(f()))
    except Exception as e:
        print(type(e).__name__, e)
oa = aliased(Order)
print(select(oa).join(oa.items))
print(select(oa).join(oa.items.of_type(ia)))
print(s.execute(select(Order).join(Order.items).where(Item.name == "b")).scalars().all())
print(s.execute(select(Order).where(Order.items.contains(i3))).scalars().all())
print(s.execute(select(Item).where(with_parent(o1, Order.items))).scalars().all())
s.close()
for o in s.execute(select(Order).options(joinedload(Order.items))).unique().scalars():
    print(o, o.items)
print(select(Order).options(joinedload(Order.items)))

