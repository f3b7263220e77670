# source: doc/build/orm/declarative_tables.rst, section "Applying Load, Persistence and Mapping Options for Imperative Table Columns"
# adapted: the section's deferred mapping (Text imported); a row flushed, loaded, the deferred column loaded on access
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy.orm import Session
from sqlalchemy import Column, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy.orm import deferred

user_table = Table(
    "user",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("bio", Text),
)


class User(Base):
    __table__ = user_table

    bio = deferred(user_table.c.bio)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="u1", bio="the bio"))
    session.commit()
with Session(engine) as session:
    u = session.scalars(select(User)).one()
    print(u.name)
    print(u.bio)
