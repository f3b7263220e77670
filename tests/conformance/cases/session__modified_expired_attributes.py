# inspect(obj).modified, .expired_attributes, .unloaded, attrs[...].history, is_modified().
from sqlalchemy import create_engine, Column, Integer, String, inspect
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Acct(Base):
    __tablename__ = "accts"
    id = Column(Integer, primary_key=True)
    owner = Column(String(20))
    balance = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
a = Acct(owner="ann", balance=10)
i = inspect(a)
print("transient:", i.modified, sorted(i.expired_attributes), sorted(i.unloaded))
s.add(a)
s.commit()
print("after commit:", i.modified, sorted(i.expired_attributes), sorted(i.unloaded), i.expired)
print(a.balance)
print("after load:", i.modified, sorted(i.expired_attributes), sorted(i.unloaded))
a.balance = 20
print("changed:", i.modified, i.attrs.balance.history, s.is_modified(a))
a.balance = 10
print("changed back:", i.modified, i.attrs.balance.history, s.is_modified(a), a in s.dirty)
s.expire(a, ["owner"])
print("expire owner:", sorted(i.expired_attributes), sorted(i.unloaded))
print(a.owner)
s.expire(a)
print("expire all:", sorted(i.expired_attributes), i.expired)
a.owner = "bob"
print("set while expired:", i.modified, sorted(i.expired_attributes), i.attrs.owner.history)
s.commit()
print(a.owner, a.balance)
