# A million-row N: the compare lesson's setup and its iterate strategy with N = 1,000,000.
# A million loaded objects outgrow the memory budget: a MemoryError, not a frozen tab or a
# crashed engine. (Natively and in the browser alike; it takes a few seconds.)
from sqlalchemy import create_engine, Column, Integer, select, func
from sqlalchemy.orm import declarative_base, Session

N = 1_000_000
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
for obj in session.query(Stuff):
    obj.foo += 1
session.commit()
print(session.scalar(select(func.sum(Stuff.foo))))
