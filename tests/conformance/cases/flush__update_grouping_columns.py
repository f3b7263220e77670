# UPDATE batching when objects change different column sets, including a column set to None
# and a change that is reverted before the flush.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class P(Base):
    __tablename__ = "p"
    id = Column(Integer, primary_key=True)
    a = Column(Integer)
    b = Column(String(5))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([P(id=i, a=i, b="b%d" % i) for i in range(1, 9)])
s.commit()
objs = {p.id: p for p in s.query(P)}
objs[8].a = 80
objs[2].a = 20
objs[1].a = 10
objs[3].b = None
objs[4].b = None
objs[5].a, objs[5].b = 50, "x"
objs[6].a, objs[6].b = 60, "y"
objs[7].a = 70
objs[7].a = 7
s.commit()
print(s.query(P.id, P.a, P.b).order_by(P.id).all())
