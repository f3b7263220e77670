# source: doc/build/orm/collection_api.rst, section "Dealing with Key Mutations and back-populating for Dictionary collections"
# adapted: the page's A/B mapping; the dictionaries printed by their keys (B has no repr); B is made with its key first (SQLAlchemy 2.1 raises for the page's `B(a=a1)`: the dictionary key is not populated) and the key then changed
from typing import Dict

from sqlalchemy import ForeignKey
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

a1 = A()
b1 = B(data="the key", a=a1)
print(list(a1.bs))
b1.data = "the new key"
print(list(a1.bs))
