# source: doc/build/orm/session_transaction.rst, section "Setting Isolation For A Sessionmaker / Engine Wide"
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

# --- doc/build/orm/session_transaction.rst (the second example) ---
eng = engine
autocommit_engine = eng.execution_options(isolation_level="AUTOCOMMIT")

transactional_session = sessionmaker(eng)
autocommit_session = sessionmaker(autocommit_engine)

with autocommit_session() as session:
    some_objects = session.execute(text("INSERT INTO some_table (data) VALUES ('autocommitted')"))
    some_other_objects = session.execute(text("SELECT id, data FROM some_table"))
    print(some_other_objects.all())
# closes connection

with transactional_session() as session:
    session.add(SomeClass(data="rolled back"))
    session.flush()

with engine.connect() as c:
    print(c.execute(select(SomeClass.id, SomeClass.data).order_by(SomeClass.id)).all())
