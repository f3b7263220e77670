# source: doc/build/orm/basic_relationships.rst, section "Many To One"
# adapted: the doc's mapping on a DeclarativeBase and "sqlite://"; a few objects are persisted and loaded back to show the relationship at work
from typing import List
from typing import Optional
from typing import Set

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child_table.id"))
    child: Mapped["Child"] = relationship(back_populates="parents")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[List["Parent"]] = relationship(back_populates="child")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

c = Child()
p1, p2 = Parent(child=c), Parent(child=c)
print(c.parents == [p1, p2])
session.add(c)
session.commit()
print(p1.child_id, p2.child_id)
