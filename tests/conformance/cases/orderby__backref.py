# backref(..., order_by=...): the collection made on the other class is ordered; the
# many-to-one side declares it.
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm import backref, joinedload, selectinload


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    rank: Mapped[int]
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent = relationship(
        "Parent", backref=backref("children", order_by=lambda: [Child.rank.desc(), Child.name])
    )


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    p = Parent(name="p")
    session.add_all(
        [
            Child(name="a", rank=1, parent=p),
            Child(name="b", rank=3, parent=p),
            Child(name="c", rank=3, parent=p),
            Child(name="d", rank=2, parent=p),
        ]
    )
    session.commit()

with Session(engine) as session:
    p = session.get(Parent, 1)
    print([(c.name, c.rank) for c in p.children])

with Session(engine) as session:
    p = session.scalars(select(Parent).options(joinedload(Parent.children))).unique().one()
    print([(c.name, c.rank) for c in p.children])

with Session(engine) as session:
    p = session.scalars(select(Parent).options(selectinload(Parent.children))).one()
    print([(c.name, c.rank) for c in p.children])
