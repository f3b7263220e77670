# source: doc/build/orm/relationship_persistence.rst, section "Rows that point to themselves / Mutually Dependent Rows"
# adapted: the page's mapping (String imported), an engine and `session = Session(engine)`; then the page's flush, and a delete of the widget
from sqlalchemy import create_engine
from sqlalchemy import Integer, ForeignKey, String
from sqlalchemy import select
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/relationship_persistence.rst ---
class Base(DeclarativeBase):
    pass


class Entry(Base):
    __tablename__ = "entry"
    entry_id = mapped_column(Integer, primary_key=True)
    widget_id = mapped_column(Integer, ForeignKey("widget.widget_id"))
    name = mapped_column(String(50))


class Widget(Base):
    __tablename__ = "widget"

    widget_id = mapped_column(Integer, primary_key=True)
    favorite_entry_id = mapped_column(
        Integer, ForeignKey("entry.entry_id", name="fk_favorite_entry")
    )
    name = mapped_column(String(50))

    entries = relationship(Entry, primaryjoin=widget_id == Entry.widget_id)
    favorite_entry = relationship(
        Entry, primaryjoin=favorite_entry_id == Entry.entry_id, post_update=True
    )

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

w1 = Widget(name="somewidget")
e1 = Entry(name="someentry")
w1.favorite_entry = e1
w1.entries = [e1]
session.add_all([w1, e1])
session.commit()

print(session.scalars(select(Widget)).one().favorite_entry.name)
session.delete(w1)
session.commit()
print(session.execute(select(Entry.entry_id, Entry.widget_id)).all())
