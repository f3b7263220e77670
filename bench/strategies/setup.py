# The benchmark table: stuff(id INTEGER PRIMARY KEY, foo INTEGER) with N rows, and a session.
from sqlalchemy import create_engine, Column, Integer, update, text
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
