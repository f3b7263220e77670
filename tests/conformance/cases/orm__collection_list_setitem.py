# Assigning into a list collection: by index and by slice; the replaced children are
# de-associated (foreign key NULL at flush), the new ones associated.
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Parent(children=[Child(name=n) for n in "abcd"]))
    session.commit()

    p = session.get(Parent, 1)
    old = p.children[0]
    new = Child(name="x")
    p.children[0] = new
    print(old.parent, new.parent is p, new in session, [c.name for c in p.children])
    p.children[1:3] = [Child(name="y")]
    print([c.name for c in p.children])
    try:
        p.children[9] = Child(name="z")
    except IndexError as e:
        print("IndexError", e)
    session.commit()
    print(session.execute(select(Child.name, Child.parent_id).order_by(Child.id)).all())
