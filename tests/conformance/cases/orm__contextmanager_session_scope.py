# The classic "session scope" pattern: a @contextmanager generator that opens a Session,
# commits when the block ends normally, rolls back and re-raises when it raises, and always
# closes; a generator streams rows in batches and a generator expression feeds add_all.
from contextlib import contextmanager

from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(30), unique=True)
    balance: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)


@contextmanager
def session_scope():
    session = Session(engine)
    print("open session")
    try:
        yield session
        session.commit()
        print("committed")
    except Exception as exc:
        session.rollback()
        print("rolled back:", type(exc).__name__)
        raise
    finally:
        session.close()
        print("closed")


with session_scope() as s:
    s.add_all(Account(owner=name, balance=100) for name in ("ann", "bob", "cy"))

try:
    with session_scope() as s:
        ann = s.scalars(select(Account).where(Account.owner == "ann")).one()
        ann.balance -= 30
        s.flush()
        s.add(Account(owner="bob", balance=1))
        s.flush()
except Exception as e:
    print("caller saw", type(e).__name__)


def batches(session, size):
    offset = 0
    while True:
        rows = session.scalars(
            select(Account).order_by(Account.id).limit(size).offset(offset)
        ).all()
        if not rows:
            return
        yield [r.owner for r in rows]
        offset += size


with session_scope() as s:
    for batch in batches(s, 2):
        print("batch", batch)
    total = s.scalar(select(func.sum(Account.balance)))
    print("total", total)
    print(sum(a.balance for a in s.scalars(select(Account))))
