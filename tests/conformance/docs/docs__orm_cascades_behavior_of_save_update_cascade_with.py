# source: doc/build/orm/cascades.rst, section "Behavior of save-update cascade with bi-directional relationships"
# adapted: User/Address are mapped on "user" / "address" as the page's fragments describe (cascade as in the section); user 1 has two addresses; Session() without a bind stands for the page's unbound sessions and sess1/sess are Session(engine)
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy.orm import registry
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

mapper_registry = registry()
order_table = Table("order", mapper_registry.metadata, Column("id", Integer, primary_key=True))
item_table = Table(
    "item",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("order.id")),
)


class Order:
    pass


class Item:
    pass


# --- doc/build/orm/cascades.rst ---
mapper_registry.map_imperatively(
    Order,
    order_table,
    properties={"items": relationship(Item, back_populates="order")},
)

mapper_registry.map_imperatively(
    Item,
    item_table,
    properties={"order": relationship(Order, back_populates="items")},
)

engine = create_engine("sqlite://")
mapper_registry.metadata.create_all(engine)
session = Session(engine)

o1 = Order()
session.add(o1)
print(o1 in session)

i1 = Item()
o1.items.append(i1)
print(o1 is i1.order)
print(i1 in session)

o1 = Order()
session.add(o1)
print(o1 in session)

i1 = Item()
i1.order = o1
print(i1 in o1.items)
print(i1 in session)

session.add(i1)
session.commit()
