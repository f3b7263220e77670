# Deleting from a list collection: del by index, by negative index, by slice, pop(), remove();
# without delete-orphan the removed children's foreign keys are set to NULL at flush.
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
    session.add(Parent(children=[Child(name=n) for n in "abcdefgh"]))
    session.commit()

    p = session.get(Parent, 1)
    first = p.children[0]
    del p.children[0]
    print(first.parent, [c.name for c in p.children])
    del p.children[-1]
    del p.children[1:3]
    print([c.name for c in p.children])
    session.flush()
    print(p.children.pop().name, p.children.pop(0).name)
    p.children.remove(p.children[0])
    print([c.name for c in p.children])
    try:
        del p.children[10]
    except IndexError as e:
        print("IndexError", e)
    del p.children[::2]
    print([c.name for c in p.children])
    session.commit()
    print(session.execute(select(Child.name, Child.parent_id).order_by(Child.id)).all())
