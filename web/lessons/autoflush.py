# Autoflush: before a query runs, the session flushes pending changes so the query sees them.
# The INSERTs below are sent by the query, not by add(); rollback() throws them away.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(100))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Note(text="first"))
session.add(Note(text="second"))
print("count seen by the query:", session.query(Note).count())
session.rollback()
print("after rollback:", session.query(Note).count())
with session.no_autoflush:
    session.add(Note(text="third"))
    print("with no_autoflush:", session.query(Note).count())
session.commit()
print("after commit:", session.query(Note).count())
