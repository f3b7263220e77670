# refresh() of an object whose row was deleted behind the session's back.
from sqlalchemy import create_engine, Column, Integer, String, text
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Doc(Base):
    __tablename__ = "docs"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(Doc(id=1, title="t"))
s.commit()
d = s.get(Doc, 1)
s.execute(text("DELETE FROM docs WHERE id = 1"))
print(d.title)
s.refresh(d)
