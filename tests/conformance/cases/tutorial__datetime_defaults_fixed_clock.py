# created_at / updated_at columns: Python-side default and onupdate callables (a fixed clock here
# so the output is reproducible) and server_default=func.now() (only checked for presence).
from datetime import datetime

from sqlalchemy import create_engine, Column, Integer, String, DateTime, func
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()

ticks = iter([datetime(2023, 1, 1, 12, 0, 0), datetime(2023, 1, 2, 8, 15, 0),
              datetime(2023, 1, 3, 18, 45, 30), datetime(2023, 1, 4, 0, 0, 1)])


def fake_now():
    return next(ticks)


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    content = Column(String(200))
    created_at = Column(DateTime, default=fake_now)
    updated_at = Column(DateTime, default=fake_now, onupdate=fake_now)
    stamped = Column(DateTime, server_default=func.now())

    def __repr__(self):
        return f"<Note {self.id}: {self.content}>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

note = Note(content="buy milk")
session.add(note)
session.commit()
print(note, note.created_at, note.updated_at)
print(note.stamped is not None, type(note.stamped).__name__)

note.content = "buy oat milk"
session.commit()
print(note.created_at.isoformat(), note.updated_at.isoformat())
print(note.updated_at > note.created_at)
print(session.query(Note).filter(Note.created_at < datetime(2023, 1, 2)).count())
# clear the real clock value so the stored table is reproducible
session.query(Note).update({Note.stamped: None}, synchronize_session=False)
session.commit()
