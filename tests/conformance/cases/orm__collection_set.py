# An InstrumentedSet: add (twice is once), discard, remove, pop, update, membership,
# the flush it leads to (a removed child loses its foreign key), and set-style errors.
from typing import Set

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[Set["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")

    def __repr__(self):
        return f"Child({self.name!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a, b, c, d = Child(name="a"), Child(name="b"), Child(name="c"), Child(name="d")
    # A set iterates in hash order: the children join the session first so they flush in order.
    session.add_all([a, b, c, d])
    p = Parent()
    print(repr(p.children), type(p.children).__name__)
    p.children.add(a)
    p.children.add(a)
    p.children.update([b, c, d])
    print(len(p.children), a in p.children, sorted(x.name for x in p.children))
    print(a.parent is p)
    session.add(p)
    session.commit()

    p.children.discard(b)
    p.children.discard(b)
    p.children.remove(c)
    print(b.parent, sorted(x.name for x in p.children))
    try:
        p.children.remove(c)
    except KeyError as e:
        print("KeyError", e)
    session.flush()
    print(session.scalars(select(Child.name).where(Child.parent_id == None).order_by(Child.name)).all())
    popped = p.children.pop()
    print(popped.parent, len(p.children))
    p.children.clear()
    print(repr(p.children), bool(p.children))
    try:
        set().pop()
    except KeyError as e:
        print("KeyError", e)
    session.commit()
    print(session.scalars(select(Child.name).where(Child.parent_id == None).order_by(Child.name)).all())

    e = Child(name="e")
    session.add(e)
    p2 = Parent(children={e})
    session.add(p2)
    session.commit()
    print(type(p2.children).__name__, [x.name for x in p2.children])
