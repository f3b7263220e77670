# source: doc/build/orm/declarative_tables.rst, section "Mapping a Subset of Table Columns"
# adapted: `user_table` (user_id, user_name, password) and `address_table` (id, street, city, state, zip, email) are Tables on Base.metadata; each of the page's mappings on its own base; the mapped attribute names printed
from sqlalchemy import Column
from sqlalchemy import Integer
from sqlalchemy import inspect
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

metadata = MetaData()
user_table = Table(
    "user",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(30)),
    Column("password", String(30)),
)
address_table = Table(
    "address",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("street", String(30)),
    Column("city", String(30)),
    Column("state", String(30)),
    Column("zip", String(30)),
    Column("email", String(30)),
)


class Base(DeclarativeBase):
    metadata = metadata


class Base2(DeclarativeBase):
    metadata = metadata

# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __table__ = user_table
    __mapper_args__ = {"include_properties": ["user_id", "user_name"]}


class Address(Base):
    __table__ = address_table
    __mapper_args__ = {"exclude_properties": ["street", "city", "state", "zip"]}


class User2(Base2):
    __table__ = user_table
    __mapper_args__ = {
        "include_properties": [user_table.c.user_id, user_table.c.user_name]
    }


print(sorted(inspect(User).attrs.keys()))
print(sorted(inspect(Address).attrs.keys()))
print(sorted(inspect(User2).attrs.keys()))
