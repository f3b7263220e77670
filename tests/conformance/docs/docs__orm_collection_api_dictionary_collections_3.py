# source: doc/build/orm/collection_api.rst, section "Dictionary Collections"
# adapted: the page's `column_keyed_dict(Note.__table__.c.keyword)` and `mapped_collection(...)` (spelled `keyfunc_mapping`, its 2.x name) mappings, Note declared first
from typing import Dict
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import column_keyed_dict
from sqlalchemy.orm import keyfunc_mapping
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/collection_api.rst ---
class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    other_item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("other_item.id"))
    keyword: Mapped[str]
    text: Mapped[Optional[str]]


class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=column_keyed_dict(Note.__table__.c.keyword),
        cascade="all, delete-orphan",
    )


class OtherItem(Base):
    __tablename__ = "other_item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=keyfunc_mapping(lambda note: note.text[0:10]),
        cascade="all, delete-orphan",
    )

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    item = Item(notes={"k1": Note(keyword="k1", text="first text here")})
    session.add(item)
    session.commit()
    print({k: v.text for k, v in session.scalars(select(Item)).one().notes.items()})
    other = OtherItem()
    n = Note(keyword="k2", text="a long text value")
    n.item_id = item.id
    other.notes.set(n)
    session.add(other)
    session.commit()
    print(list(session.scalars(select(OtherItem)).one().notes))
