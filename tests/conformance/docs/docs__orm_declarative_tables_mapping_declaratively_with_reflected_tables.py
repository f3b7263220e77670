# source: doc/build/orm/declarative_tables.rst, section "Mapping Declaratively with Reflected Tables"
# adapted: the PostgreSQL URL is "sqlite://" (one shared in-memory database per engine); `mytable` is created there with `text()` DDL first; the mapped class queried
from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy import select

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import create_engine
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

engine = create_engine("sqlite://", echo=True)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE mytable (id INTEGER PRIMARY KEY, data VARCHAR(30))"))
    conn.execute(text("INSERT INTO mytable (id, data) VALUES (1, 'one')"))


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __table__ = Table(
        "mytable",
        Base.metadata,
        autoload_with=engine,
    )


with Session(engine) as session:
    print([(o.id, o.data) for o in session.scalars(select(MyClass))])
