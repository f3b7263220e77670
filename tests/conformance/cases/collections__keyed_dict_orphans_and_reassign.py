# Dictionary collections: del d[key] with delete-orphan, reassigning the whole dict (keys from
# the key function, not the given ones), .values() order, and a key changed after the append
from typing import Dict

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, attribute_keyed_dict, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=attribute_keyed_dict("keyword"),
        back_populates="item",
        cascade="all, delete-orphan",
    )


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    keyword: Mapped[str]
    item: Mapped["Item"] = relationship(back_populates="notes")

    def __repr__(self):
        return f"Note({self.keyword!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    item = Item(notes={"x": Note(keyword="b"), "y": Note(keyword="a")})
    print(item.notes, [n.keyword for n in item.notes.values()])
    session.add(item)
    session.commit()
    item = session.scalars(select(Item)).one()
    print(list(item.notes.values()))
    del item.notes["a"]
    session.commit()
    print(session.scalars(select(Note.keyword).order_by(Note.id)).all())
    item.notes = {"z": Note(keyword="c"), "d": Note(keyword="d")}
    session.commit()
    print(session.scalars(select(Note.keyword).order_by(Note.id)).all())
    n = item.notes["c"]
    n.keyword = "changed"
    n.item = None
    print(sorted(item.notes), n in item.notes.values())
    try:
        item.notes.remove(n)
    except KeyError as e:
        print("KeyError", e)
    item.notes["c"] = Note(keyword="e")
    session.commit()
    print(session.scalars(select(Note.keyword).order_by(Note.id)).all())
    print(item.notes.pop("missing", None), len(item.notes))
    try:
        item.notes = [Note(keyword="f")]
    except TypeError as e:
        print("TypeError", e)
