# Printing session.new/dirty/deleted with a __repr__ that reads attributes: after commit the
# objects are expired, so repr() reloads them, and that reload AUTOFLUSHES the pending
# change and delete first; the deleted row then cannot be reloaded (ObjectDeletedError).
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(20))

    def __repr__(self):
        return f"Note({self.id}, {self.text!r})"

def show(label):
    print(label, "new:", sorted(map(repr, s.new)), "dirty:", sorted(map(repr, s.dirty)),
          "deleted:", sorted(map(repr, s.deleted)), "map:", len(s.identity_map), "tx:", s.in_transaction())

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
show("start")
a, b, c = Note(text="a"), Note(text="b"), Note(text="c")
s.add_all([a, b, c])
show("added")
s.commit()
show("committed")
a.text = "A"
show("changed a")
s.delete(b)
show("deleted b")
c.text = "c"
show("same value c")
print(s.is_modified(a), s.is_modified(c))
s.flush()
show("flushed")
s.rollback()
show("rolled back")
print(a.text, b in s)
s.close()
show("closed")
