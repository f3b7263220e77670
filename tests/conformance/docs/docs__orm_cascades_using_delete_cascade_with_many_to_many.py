# source: doc/build/orm/cascades.rst, section "Using delete cascade with many-to-many relationships"
# adapted: User/Address are mapped on "user" / "address" as the page's fragments describe (cascade as in the section); user 1 has two addresses; Session() without a bind stands for the page's unbound sessions and sess1/sess are Session(engine)
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/cascades.rst ---
association_table = Table(
    "association",
    Base.metadata,
    Column("left_id", Integer, ForeignKey("left.id")),
    Column("right_id", Integer, ForeignKey("right.id")),
)


class Parent(Base):
    __tablename__ = "left"
    id = mapped_column(Integer, primary_key=True)
    children = relationship(
        "Child",
        secondary=association_table,
        back_populates="parents",
        cascade="all, delete",
    )


class Child(Base):
    __tablename__ = "right"
    id = mapped_column(Integer, primary_key=True)
    parents = relationship(
        "Parent",
        secondary=association_table,
        back_populates="children",
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
p1, p2 = Parent(), Parent()
c1, c2 = Child(), Child()
# one child, of p1 only, cascaded from p1, and one parent's association rows per flush (the
# unit of work handles the rows of several parents, and several children, in no fixed order)
p1.children = [c1]
session.add(p1)
session.commit()
p2.children = [c2]
session.add(p2)
session.commit()
session.delete(p1)
session.commit()
