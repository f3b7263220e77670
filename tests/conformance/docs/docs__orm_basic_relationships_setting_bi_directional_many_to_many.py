# source: doc/build/orm/basic_relationships.rst, section "Setting Bi-Directional Many-to-many"
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


association_table = Table(
    "association_table",
    Base.metadata,
    Column("left_id", ForeignKey("left_table.id"), primary_key=True),
    Column("right_id", ForeignKey("right_table.id"), primary_key=True),
)


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(
        secondary=association_table, back_populates="parents"
    )


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[List["Parent"]] = relationship(
        secondary=association_table, back_populates="children"
    )


from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
c1, c2 = Child(), Child()
p1 = Parent(children=[c1])
session.add(p1)
# one association row per flush: with both sides mapped, several rows go out in no fixed order
session.commit()
p1.children.append(c2)
session.commit()
p2 = Parent()
c2.parents.append(p2)
print(len(c2.parents), len(p2.children))
session.add(p2)
session.commit()
print([p.id for p in c2.parents])

# --- "Deleting Rows from the Many to Many Table" ---
myparent, somechild = p1, c1
# row will be deleted from the "secondary" table
# automatically
myparent.children.remove(somechild)
session.flush()
session.delete(somechild)
session.commit()
print([c.id for c in p1.children], [c.id for c in p2.children])
