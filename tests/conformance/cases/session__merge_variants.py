# merge(): of a detached object loaded elsewhere (SELECT to find the row), of a new object with
# an existing PK, with load=False (detached object: no SELECT, not marked dirty), and of an
# object that is already in the session.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Sku(Base):
    __tablename__ = "sku"
    id = Column(Integer, primary_key=True)
    code = Column(String(10))
    qty = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s1:
    s1.add_all([Sku(id=1, code="a", qty=1), Sku(id=2, code="b", qty=2)])
    s1.commit()
    detached = s1.get(Sku, 1)
detached.qty = 10
with Session(engine) as s2:
    m = s2.merge(detached)
    print(m is detached, m.qty, m in s2.dirty)
    m2 = s2.merge(Sku(id=2, qty=20))
    print(m2.code, m2.qty)
    again = s2.merge(m)
    print(again is m)
    s2.commit()
with Session(engine, expire_on_commit=False) as s0:
    clean = s0.get(Sku, 2)
with Session(engine) as s3:
    m3 = s3.merge(clean, load=False)
    print(m3.qty, m3 is clean, m3 in s3.dirty, m3 in s3.new)
    m3.qty = 99
    s3.commit()
with Session(engine) as s4:
    print(s4.query(Sku.id, Sku.code, Sku.qty).order_by(Sku.id).all())
