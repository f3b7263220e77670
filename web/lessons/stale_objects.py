# A Core UPDATE never tells the session: loaded objects keep their old values until they are
# expired (expire / expire_all) or refreshed (refresh), which reloads them with a SELECT.
from sqlalchemy import create_engine, Column, Integer, String, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    owner = Column(String(20))
    balance = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine, expire_on_commit=False)
ann, bob = Account(owner="ann", balance=100), Account(owner="bob", balance=50)
session.add_all([ann, bob])
session.commit()

accounts = Account.__table__
session.execute(update(accounts).values(balance=accounts.c.balance * 2))
print("after the Core UPDATE:", ann.balance, bob.balance, "(stale)")
session.refresh(ann)
print("after refresh(ann):   ", ann.balance, bob.balance)
session.expire_all()
print("after expire_all():   ", ann.balance, bob.balance)
session.commit()
