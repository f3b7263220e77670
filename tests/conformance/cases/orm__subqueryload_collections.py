# subqueryload() of a one-to-many: the query re-run as a subquery of parent keys joined to
# the related table; parents without children get an empty collection.
from typing import List
from sqlalchemy import create_engine, select, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, subqueryload


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kids: Mapped[List["Kid"]] = relationship()


class Kid(Base):
    __tablename__ = "kid"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    name: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([
        Parent(name="p1", kids=[Kid(name="k1"), Kid(name="k2")]),
        Parent(name="p2"),
        Parent(name="p3", kids=[Kid(name="k3")]),
    ])
    s.commit()

with Session(engine) as s:
    ps = s.scalars(select(Parent).options(subqueryload(Parent.kids)).where(Parent.id > 0)).all()
    for p in ps:
        print(p.name, [k.name for k in p.kids])
