# source: doc/build/orm/declarative_tables.rst, section "Declarative with Imperative Table (a.k.a. Hybrid Declarative)"
# adapted: the section's first mapping (Table imported); an engine, a row flushed and read
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy.orm import Session

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# construct a Table directly.  The Base.metadata collection is
# usually a good choice for MetaData but any MetaData
# collection may be used.

user_table = Table(
    "user",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("fullname", String),
    Column("nickname", String),
)


# construct the User class using this table.
class User(Base):
    __table__ = user_table


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="u1", fullname="User One"))
    session.commit()
    print(session.execute(select(User.id, User.name, User.nickname)).all())
