# source: doc/build/orm/declarative_tables.rst, section "Alternate Attribute Names for Mapping Table Columns"
# adapted: the section's first mapping; a statement printed, a row flushed and read
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy.orm import Session
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/declarative_tables.rst ---
user_table = Table(
    "user",
    Base.metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String),
)


class User(Base):
    __table__ = user_table

    id = user_table.c.user_id
    name = user_table.c.user_name


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
print(select(User.id, User.name).where(User.name == "x"))
with Session(engine) as session:
    session.add(User(name="x"))
    session.commit()
    u = session.scalars(select(User)).one()
    print(u.id, u.name)
