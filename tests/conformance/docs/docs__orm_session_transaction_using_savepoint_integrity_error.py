# source: doc/build/orm/session_transaction.rst, section "Using SAVEPOINT"
# adapted: SomeRecord(id, name) is mapped on "some_record", which already has row 2
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


class SomeRecord(Base):
    __tablename__ = "some_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class SomeClass(Base):
    __tablename__ = "some_table"
    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[Optional[str]]

    def __repr__(self) -> str:
        return f"SomeClass(id={self.id!r}, data={self.data!r})"


some_table = SomeClass.__table__

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(SomeRecord(id=2, name="existing"))
    session.commit()
records = [
    {"identifier": 1, "name": "one"},
    {"identifier": 2, "name": "two"},
    {"identifier": 3, "name": "three"},
]
session = Session(engine)

# --- doc/build/orm/session_transaction.rst ---
from sqlalchemy import exc

with session.begin():
    for record in records:
        try:
            with session.begin_nested():
                obj = SomeRecord(id=record["identifier"], name=record["name"])
                session.add(obj)
        except exc.IntegrityError:
            print(f"Skipped record {record} - row already exists")

with Session(engine) as s:
    print(s.execute(select(SomeRecord.id, SomeRecord.name).order_by(SomeRecord.id)).all())
