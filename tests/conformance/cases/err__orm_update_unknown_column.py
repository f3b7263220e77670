# ORM update(M).values() with a key that is neither an attribute nor a column.
from sqlalchemy import create_engine, Column, Integer, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Counter(Base):
    __tablename__ = "counter"
    id = Column(Integer, primary_key=True)
    n = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(Counter(id=1, n=0))
s.commit()
s.execute(update(Counter).where(Counter.id == 1).values(n=Counter.n + 1))
print(s.get(Counter, 1).n)
s.execute(update(Counter).where(Counter.id == 1).values(count=5))
