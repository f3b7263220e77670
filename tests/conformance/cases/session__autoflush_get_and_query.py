# Autoflush: a pending change is flushed before Query / select / scalar run, but get() of an
# object already in the identity map sends nothing.
from sqlalchemy import create_engine, Column, Integer, String, select
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Kid(Base):
    __tablename__ = "kids"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    age = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(Kid(name="amy", age=5))
s.commit()
amy = s.get(Kid, 1)
amy.age = 6
print(s.get(Kid, 1).age)
print(s.query(Kid.age).filter(Kid.name == "amy").scalar())
s.add(Kid(name="ben", age=3))
print(s.scalars(select(Kid.name).order_by(Kid.age)).all())
amy.age = 7
print(s.execute(select(Kid.age).where(Kid.id == 1)).scalar_one())
s.rollback()
print(amy.age)
s.close()
