# An IntegrityError raised by the autoflush of a query: the message says so, and the session
# must be rolled back afterwards.
from sqlalchemy import create_engine, Column, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Member(Base):
    __tablename__ = "members"
    id = Column(Integer, primary_key=True)
    login = Column(String(10), unique=True)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(Member(login="ann"))
s.commit()
s.add(Member(login="ann"))
try:
    s.scalars(select(Member)).all()
except IntegrityError as e:
    print(str(e).splitlines()[0])
s.rollback()
s.add(Member(login="ann"))
s.query(Member).filter_by(login="ann").first()
