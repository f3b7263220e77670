# The classic session_scope() context manager with @contextmanager: commit on success,
# rollback and re-raise on error, close always; a service function using it, and the
# 2.0 alternative `with Session(engine) as session, session.begin():`.
from contextlib import contextmanager

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Wallet(Base):
    __tablename__ = "wallets"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(20), unique=True)
    balance: Mapped[int] = mapped_column(default=0)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
SessionFactory = sessionmaker(bind=engine)


@contextmanager
def session_scope():
    session = SessionFactory()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


class InsufficientFunds(Exception):
    pass


def transfer(src, dst, amount):
    with session_scope() as s:
        a = s.scalars(select(Wallet).where(Wallet.owner == src)).one()
        b = s.scalars(select(Wallet).where(Wallet.owner == dst)).one()
        b.balance += amount
        a.balance -= amount
        s.flush()
        if a.balance < 0:
            raise InsufficientFunds(f"{src} has only {a.balance + amount}")


with session_scope() as s:
    s.add_all([Wallet(owner="alice", balance=100), Wallet(owner="bob", balance=20)])

transfer("alice", "bob", 30)
try:
    transfer("bob", "alice", 500)
except InsufficientFunds as e:
    print("failed:", e)

with Session(engine) as session, session.begin():
    for w in session.scalars(select(Wallet).order_by(Wallet.id)):
        print(w.owner, w.balance)
    session.add(Wallet(owner="carol"))

try:
    with Session(engine) as session, session.begin():
        session.add(Wallet(owner="alice"))
except Exception as e:
    print(type(e).__name__)

with Session(engine) as session:
    print(session.execute(select(Wallet.owner, Wallet.balance).order_by(Wallet.id)).all())
