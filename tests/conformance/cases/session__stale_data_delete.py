# Deleting an object whose row is already gone: DELETE matches 0 rows, which SQLAlchemy
# only warns about (confirm_deleted_rows), then a get() after commit.
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
s.add(Doc(title="one"))
s.commit()
d = s.get(Doc, 1)
s.execute(text("DELETE FROM docs"))
s.delete(d)
s.commit()
print(s.get(Doc, 1))
