# A Core update(M.__table__) through session.execute leaves loaded objects stale; expire_all()
# and refresh() bring them back in line.
from sqlalchemy import create_engine, Column, Integer, String, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Acc(Base):
    __tablename__ = "acc"
    id = Column(Integer, primary_key=True)
    owner = Column(String(10))
    bal = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Acc(owner="a", bal=10), Acc(owner="b", bal=20), Acc(owner="c", bal=30)])
s.commit()
a, b, c = s.query(Acc).order_by(Acc.id).all()
t = Acc.__table__
r = s.execute(update(t).where(t.c.bal >= 20).values(bal=t.c.bal * 2))
print(r.rowcount, a.bal, b.bal, c.bal)
s.refresh(b)
print("refresh b:", a.bal, b.bal, c.bal)
s.execute(update(t).values(owner=t.c.owner + t.c.owner))
print(a.owner, b.owner, c.owner)
s.expire_all()
print("expire_all:", a.owner, b.owner, c.owner, c.bal)
s.commit()
