# source: doc/build/tutorial/metadata.rst, section "Table Reflection" (preceded by the page's earlier sections; setup: tutorial/engine.rst, tutorial/dbapi_transactions.rst)
# --- setup: doc/build/tutorial/engine.rst ---
from sqlalchemy import create_engine

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

# --- setup: doc/build/tutorial/dbapi_transactions.rst (some_table and its rows) ---
from sqlalchemy import text

with engine.connect() as conn:
    conn.execute(text("CREATE TABLE some_table (x int, y int)"))
    conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 1, "y": 1}, {"x": 2, "y": 4}],
    )
    conn.commit()

with engine.begin() as conn:
    conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 6, "y": 8}, {"x": 9, "y": 10}],
    )

with engine.connect() as conn:
    conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 11, "y": 12}, {"x": 13, "y": 14}],
    )
    conn.commit()

from sqlalchemy.orm import Session

with Session(engine) as session:
    result = session.execute(
        text("UPDATE some_table SET y=:y WHERE x=:x"),
        [{"x": 9, "y": 11}, {"x": 13, "y": 15}],
    )
    session.commit()

# --- doc/build/tutorial/metadata.rst: "Setting up MetaData with Table objects" ---
from sqlalchemy import MetaData
metadata_obj = MetaData()
from sqlalchemy import Table, Column, Integer, String

user_table = Table(
    "user_account",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
    Column("fullname", String),
)

# --- doc/build/tutorial/metadata.rst: "Components of ``Table``" ---
print(user_table.c.name)
user_table.c.keys()

# --- doc/build/tutorial/metadata.rst: "Declaring Simple Constraints" ---
print(user_table.primary_key)
from sqlalchemy import ForeignKey

address_table = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("user_account.id"), nullable=False),
    Column("email_address", String, nullable=False),
)

# --- doc/build/tutorial/metadata.rst: "Using :class:`.TypedColumns` to get a better typing experience" ---
from sqlalchemy import Named, TypedColumns, Table
other_meta = MetaData()

class user_cols(TypedColumns):
    id: Named[int] = Column(primary_key=True)
    name: Named[str | None] = Column(String(30))
    fullname: Named[str | None]

typed_user_table = Table("user_account", other_meta, user_cols)

class address_cols(TypedColumns):
    id: Named[int] = Column(primary_key=True)
    user_id: Named[int] = Column(ForeignKey("user_account.id"))
    email_address: Named[str]
    __row_pos__: tuple[int, int, str]

typed_address_table = Table("address", other_meta, address_cols)

# --- doc/build/tutorial/metadata.rst: "Emitting DDL to the Database" ---
metadata_obj.create_all(engine)

# --- doc/build/tutorial/metadata.rst: "Establishing a Declarative Base" ---
from sqlalchemy.orm import DeclarativeBase

class Base(DeclarativeBase):
    pass

print(Base.metadata)

print(Base.registry)

# --- doc/build/tutorial/metadata.rst: "Declaring Mapped Classes" ---
from typing import List
from typing import Optional
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]

    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"

class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id = mapped_column(ForeignKey("user_account.id"))

    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"

sandy = User(name="sandy", fullname="Sandy Cheeks")

# --- doc/build/tutorial/metadata.rst: "Emitting DDL to the database from an ORM mapping" ---
Base.metadata.create_all(engine)

# --- doc/build/tutorial/metadata.rst: "Table Reflection" ---
some_table = Table("some_table", metadata_obj, autoload_with=engine)
print(some_table)
