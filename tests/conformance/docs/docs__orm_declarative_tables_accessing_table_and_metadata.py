# source: doc/build/orm/declarative_tables.rst, section "Accessing Table and Metadata"
# adapted: the page's first User mapping; the tables and metadata printed
from sqlalchemy import create_engine
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

# --- doc/build/orm/declarative_tables.rst ---
# access the Table
user_table = User.__table__
print(repr(user_table))

from sqlalchemy import inspect

user_table = inspect(User).local_table
print(user_table is User.__table__)
print(User.metadata is Base.metadata, list(Base.metadata.tables))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
