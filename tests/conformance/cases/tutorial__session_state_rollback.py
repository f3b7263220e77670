# What the session tracks: new, dirty, identity map, rollback() undoing pending changes,
# expire/refresh, and in-session identity (the same object comes back).
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    owner = Column(String(30))
    balance = Column(Integer, default=0)

    def __repr__(self):
        return f"<Account {self.owner}: {self.balance}>"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

alice = Account(owner="alice", balance=100)
session.add(alice)
print(alice in session, session.new)
session.commit()
print(session.new, alice.id)

alice.balance -= 30
print(session.dirty, session.is_modified(alice))
bob = Account(owner="bob", balance=5)
session.add(bob)
print(len(session.new))
session.rollback()
print(alice.balance, bob in session, session.query(Account).count())

a1 = session.query(Account).filter_by(owner="alice").first()
a2 = session.get(Account, 1)
print(a1 is alice, a2 is alice)

alice.balance = 500
session.flush()
session.expire(alice)
print(alice.balance)
session.rollback()
print(alice.balance)
session.refresh(alice)
print(alice)
session.close()
