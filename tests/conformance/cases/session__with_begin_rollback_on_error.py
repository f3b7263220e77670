# `with Session(engine) as s, s.begin():` commits on success and rolls back when the block
# raises; Session.begin() used as sessionmaker.begin().
from sqlalchemy import create_engine, Column, Integer, String, select
from sqlalchemy.orm import declarative_base, Session, sessionmaker

Base = declarative_base()

class Log(Base):
    __tablename__ = "logs"
    id = Column(Integer, primary_key=True)
    msg = Column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    with s.begin():
        s.add(Log(msg="kept"))
    print("committed block")
    try:
        with s.begin():
            s.add(Log(msg="lost"))
            s.flush()
            raise ValueError("boom")
    except ValueError as e:
        print("caught", e)
    print(s.scalars(select(Log.msg)).all())
Maker = sessionmaker(engine)
with Maker.begin() as s:
    s.add(Log(msg="via maker"))
with Session(engine) as s:
    print(s.scalars(select(Log.msg).order_by(Log.id)).all())
