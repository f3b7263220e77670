# source: doc/build/orm/declarative_tables.rst, section "Declarative Table with ``mapped_column()``"
# adapted: the section's mapping; its tables created on a SQLite engine (the DDL is in the log); the page's "equivalent Table" is built on a separate MetaData (on Base.metadata it would be a second "user" table) and both tables' columns printed
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import MetaData
from sqlalchemy import Table

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50), nullable=False)
    fullname = mapped_column(String)
    nickname = mapped_column(String(30))


# equivalent Table object produced
user_table = Table(
    "user",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
    Column("fullname", String()),
    Column("nickname", String(30)),
)
print([repr(c) for c in User.__table__.c])
print([repr(c) for c in user_table.c])

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
