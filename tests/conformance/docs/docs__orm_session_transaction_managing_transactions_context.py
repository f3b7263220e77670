# source: doc/build/orm/session_transaction.rst, section "Managing Transactions"
# adapted: the placeholders are a mapped SomeClass(id, data) on "some_table" (some_object() etc. make SomeClass objects); the PostgreSQL URLs are "sqlite://"; a final query prints what was committed
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

def some_object():
    return SomeClass(data="some object")


def some_other_object():
    return SomeClass(data="some other object")

still_another_object = SomeClass(data="still another")

# --- doc/build/orm/session_transaction.rst ---
with Session(engine) as session:
    session.add(some_object())
    session.add(some_other_object())
    session.commit()  # commits

    session.add(still_another_object)
    session.flush()  # flush still_another_object

    session.commit()  # commits

    result = session.execute(text("SELECT id, data FROM some_table ORDER BY id"))

# remaining transactional state from the .execute() call is
# discarded

with engine.connect() as c:
    print(c.execute(select(SomeClass.id, SomeClass.data).order_by(SomeClass.id)).all())
