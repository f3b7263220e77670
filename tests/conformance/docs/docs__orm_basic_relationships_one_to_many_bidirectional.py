# source: doc/build/orm/basic_relationships.rst, section "One To Many"
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
    children: Mapped[List["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_table.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

p = Parent(children=[Child(), Child()])
session.add(p)
session.commit()
c = session.get(Child, 2)
print(c.parent is p, [child.id for child in p.children])
c.parent = None
print([child.id for child in p.children])
session.rollback()
print([child.id for child in p.children])
