# source: doc/build/orm/declarative_tables.rst, section "Using DeferredReflection"
# adapted: the PostgreSQL URL is "sqlite://"; `foo` / `bar` are created there with `text()` DDL first (bar without a declared foreign key, which the mapping supplies); rows read through `Foo.bars`
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy.ext.declarative import DeferredReflection
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class Reflected(DeferredReflection):
    __abstract__ = True


class Foo(Reflected, Base):
    __tablename__ = "foo"
    bars = relationship("Bar")


class Bar(Reflected, Base):
    __tablename__ = "bar"

    foo_id = mapped_column(Integer, ForeignKey("foo.id"))


engine = create_engine("sqlite://", echo=True)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE foo (id INTEGER PRIMARY KEY, name VARCHAR(20))"))
    conn.execute(text("CREATE TABLE bar (id INTEGER PRIMARY KEY, foo_id INTEGER)"))
    conn.execute(text("INSERT INTO foo VALUES (1, 'f1')"))
    conn.execute(text("INSERT INTO bar VALUES (1, 1), (2, 1)"))
Reflected.prepare(engine)

with Session(engine) as session:
    f = session.scalars(select(Foo)).one()
    print(f.name, sorted(b.id for b in f.bars))
