# Setup: runs before each strategy on a fresh database and is not timed. N is the row count
# chosen in the page.
from sqlalchemy import create_engine, Column, Integer, select, update, func
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Stuff(Base):
    __tablename__ = "stuff"
    id = Column(Integer, primary_key=True)
    foo = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(Stuff.__table__.insert(), [{"foo": n} for n in range(N)])
session = Session(engine)
