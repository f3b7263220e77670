# The logging setup SQLAlchemy tutorials open with: basicConfig() and the engine logger at INFO
# send the SQL to stderr (not the output); the script's own logger writes to stdout.
import logging
import sys

from sqlalchemy import Column, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

logging.basicConfig()
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
log = logging.getLogger("app")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False

Base = declarative_base()


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(50))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Note(text="a"), Note(text="b")])
    session.commit()
    log.info("saved %d notes", session.query(Note).count())
    for note in session.scalars(select(Note).order_by(Note.id.desc())):
        log.debug("not shown %s", note.text)
        print(note.id, note.text)
