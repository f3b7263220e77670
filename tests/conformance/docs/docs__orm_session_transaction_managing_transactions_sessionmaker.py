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
some_object = SomeClass(data="some object")

# --- doc/build/orm/session_transaction.rst ---
Session = sessionmaker(engine)

with Session() as session:
    with session.begin():
        session.add(some_object)
    # commits

# closes the Session

some_object = SomeClass(data="another object")
with Session.begin() as session:
    session.add(some_object)

with engine.connect() as c:
    print(c.execute(select(SomeClass.id, SomeClass.data).order_by(SomeClass.id)).all())
