# source: doc/build/orm/collection_api.rst, section "Dictionary Collections"
# adapted: the page's `attribute_keyed_dict("keyword")` mapping; the dictionaries printed by key and text (Note has no repr), flushed and loaded back
from typing import Dict
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import attribute_keyed_dict
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/collection_api.rst ---
class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=attribute_keyed_dict("keyword"),
        cascade="all, delete-orphan",
    )


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    keyword: Mapped[str]
    text: Mapped[Optional[str]]

    def __init__(self, keyword: str, text: str):
        self.keyword = keyword
        self.text = text

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

item = Item()
item.notes["a"] = Note("a", "atext")
print({k: v.text for k, v in item.notes.items()})

item = Item()
item.notes = {
    "a": Note("a", "atext"),
    "b": Note("b", "btext"),
}
with Session(engine) as session:
    session.add(item)
    session.commit()
    item = session.scalars(select(Item)).one()
    print(sorted((k, v.text) for k, v in item.notes.items()))
    del item.notes["a"]
    session.commit()
    print(session.scalars(select(Note.keyword)).all())
