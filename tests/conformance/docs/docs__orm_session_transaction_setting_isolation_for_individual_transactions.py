# source: doc/build/orm/session_transaction.rst, section "Setting Isolation for Individual Transactions"
# adapted: the placeholders are a mapped SomeClass(id, data) on "some_table" (some_object() etc. make SomeClass objects); the PostgreSQL URLs are "sqlite://"; a final query prints what was committed; the engine is the SQLite engine (SQLite accepts SERIALIZABLE and AUTOCOMMIT)
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class SomeClass(Base):
    __tablename__ = "some_table"
    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[Optional[str]]

    def __repr__(self) -> str:
        return f"SomeClass(id={self.id!r}, data={self.data!r})"


some_table = SomeClass.__table__

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

# --- doc/build/orm/session_transaction.rst ---
from sqlalchemy.orm import Session

# assume session just constructed
sess = Session(bind=engine)

# call connection() with options before any other operations proceed.
# this will procure a new connection from the bound engine and begin a real
# database transaction.
sess.connection(execution_options={"isolation_level": "SERIALIZABLE"})

# ... work with session in SERIALIZABLE isolation level...
sess.add(SomeClass(data="serializable"))

# commit transaction.  the connection is released
# and reverted to its previous isolation level.
sess.commit()

sess = Session(bind=engine)
with sess.begin():
    # call connection() with options before any other operations proceed.
    # this will procure a new connection from the bound engine and begin a
    # real database transaction.
    sess.connection(execution_options={"isolation_level": "SERIALIZABLE"})

    # ... work with session in SERIALIZABLE isolation level...
    sess.add(SomeClass(data="serializable 2"))

# outside the block, the transaction has been committed.  the connection is
# released and reverted to its previous isolation level.

with engine.connect() as c:
    print(c.execute(select(SomeClass.id, SomeClass.data).order_by(SomeClass.id)).all())
