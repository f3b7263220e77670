# relationship(order_by=...) as "desc(...)" text, as a list of columns, as a lambda, and as a
# column expression with .desc().
from sqlalchemy import create_engine, ForeignKey, select, desc
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm import selectinload


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("box.id"))
    color: Mapped[str]
    size: Mapped[int]


class Box(Base):
    __tablename__ = "box"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    items: Mapped[list[Item]] = relationship(order_by="desc(Item.size)")


class Crate(Base):
    __tablename__ = "crate"
    id: Mapped[int] = mapped_column(primary_key=True)
    things: Mapped[list["Thing"]] = relationship(
        order_by=lambda: [Thing.color, Thing.size.desc()]
    )


class Thing(Base):
    __tablename__ = "thing"
    id: Mapped[int] = mapped_column(primary_key=True)
    crate_id: Mapped[int] = mapped_column(ForeignKey("crate.id"))
    color: Mapped[str]
    size: Mapped[int]


class Shelf(Base):
    __tablename__ = "shelf"
    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list["Book"]] = relationship(order_by="[Book.title, Book.id]")
    tools: Mapped[list["Tool"]] = relationship(order_by=lambda: desc(Tool.weight))


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))
    title: Mapped[str]


class Tool(Base):
    __tablename__ = "tool"
    id: Mapped[int] = mapped_column(primary_key=True)
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))
    weight: Mapped[int]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Box(name="b", items=[Item(color="r", size=1), Item(color="g", size=3), Item(color="b", size=2)]))
    session.add(
        Crate(
            things=[
                Thing(color="r", size=1),
                Thing(color="b", size=5),
                Thing(color="r", size=9),
                Thing(color="b", size=2),
            ]
        )
    )
    session.add(
        Shelf(
            books=[Book(title="c"), Book(title="a"), Book(title="b")],
            tools=[Tool(weight=2), Tool(weight=7), Tool(weight=4)],
        )
    )
    session.commit()

    box = session.get(Box, 1)
    print([(i.color, i.size) for i in box.items])
    crate = session.get(Crate, 1)
    print([(t.color, t.size) for t in crate.things])
    shelf = session.get(Shelf, 1)
    print([b.title for b in shelf.books])
    print([t.weight for t in shelf.tools])

with Session(engine) as session:
    crate = session.scalars(select(Crate).options(selectinload(Crate.things))).one()
    print([(t.color, t.size) for t in crate.things])
    shelf = session.scalars(select(Shelf).options(selectinload(Shelf.books), selectinload(Shelf.tools))).one()
    print([b.title for b in shelf.books], [t.weight for t in shelf.tools])
