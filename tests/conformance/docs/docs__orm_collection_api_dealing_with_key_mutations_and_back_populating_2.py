# source: doc/build/orm/collection_api.rst, section "Dealing with Key Mutations and back-populating for Dictionary collections"
# adapted: the page's A/B mapping and its `set` listener; the dictionary printed by its keys; B is made with its key first (SQLAlchemy 2.1 raises for `B(a=a1)`) and the key then changed
from typing import Dict

from sqlalchemy import ForeignKey
from sqlalchemy import event
from sqlalchemy.orm import attributes
from sqlalchemy.orm import attribute_keyed_dict
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

# --- doc/build/orm/collection_api.rst ---
class Base(DeclarativeBase):
    pass


class A(Base):
    __tablename__ = "a"

    id: Mapped[int] = mapped_column(primary_key=True)
    bs: Mapped[Dict[str, "B"]] = relationship(
        collection_class=attribute_keyed_dict("data"),
        back_populates="a",
    )


class B(Base):
    __tablename__ = "b"

    id: Mapped[int] = mapped_column(primary_key=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("a.id"))
    data: Mapped[str]

    a: Mapped["A"] = relationship(back_populates="bs")


@event.listens_for(B.data, "set")
def set_item(obj, value, previous, initiator):
    if obj.a is not None:
        previous = None if previous == attributes.NO_VALUE else previous
        obj.a.bs[value] = obj
        obj.a.bs.pop(previous)


a1 = A()
b1 = B(data="the key", a=a1)
print(list(a1.bs))
b1.data = "the new key"
print(list(a1.bs))
