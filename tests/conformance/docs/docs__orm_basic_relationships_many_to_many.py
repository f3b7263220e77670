# source: doc/build/orm/basic_relationships.rst, section "Many To Many"
# adapted: the doc's mapping on a DeclarativeBase and "sqlite://"; a few objects are persisted and loaded back to show the relationship at work; the forward references are quoted instead of the doc's `from __future__ import annotations`
from typing import List

# --- doc/build/orm/basic_relationships.rst ---
from sqlalchemy import Column
from sqlalchemy import Table
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


# note for a Core table, we use the sqlalchemy.Column construct,
# not sqlalchemy.orm.mapped_column
association_table = Table(
    "association_table",
    Base.metadata,
    Column("left_id", ForeignKey("left_table.id")),
    Column("right_id", ForeignKey("right_table.id")),
)


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(secondary=association_table)


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)


from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
c1, c2, c3 = Child(), Child(), Child()
p1 = Parent(children=[c1, c2])
session.add(p1)
session.commit()  # one parent's association rows per flush: several are flushed in no fixed order
p2 = Parent(children=[c2, c3])
session.add(p2)
session.commit()
print([c.id for c in p1.children], [c.id for c in p2.children])
