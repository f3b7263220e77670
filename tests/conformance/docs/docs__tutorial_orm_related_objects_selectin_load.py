# source: doc/build/tutorial/orm_related_objects.rst, section "Selectin Load" (preceded by the page's earlier sections; setup: tutorial/engine.rst, tutorial/metadata.rst, tutorial/data_insert.rst, tutorial/data_update.rst, tutorial/orm_data_manipulation.rst)
# --- setup: doc/build/tutorial/engine.rst ---
from sqlalchemy import create_engine

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

# --- setup: doc/build/tutorial/metadata.rst ---
from sqlalchemy import MetaData
from sqlalchemy import Table, Column, Integer, String
from sqlalchemy import ForeignKey

metadata_obj = MetaData()
user_table = Table(
    "user_account",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
    Column("fullname", String),
)
address_table = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("user_account.id"), nullable=False),
    Column("email_address", String, nullable=False),
)
metadata_obj.create_all(engine)

from typing import List
from typing import Optional
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


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


Base.metadata.create_all(engine)

# --- setup: doc/build/tutorial/data_insert.rst ---
from sqlalchemy import insert
from sqlalchemy import select, bindparam

stmt = insert(user_table).values(name="spongebob", fullname="Spongebob Squarepants")
with engine.connect() as conn:
    result = conn.execute(stmt)
    conn.commit()

with engine.connect() as conn:
    result = conn.execute(
        insert(user_table),
        [
            {"name": "sandy", "fullname": "Sandy Cheeks"},
            {"name": "patrick", "fullname": "Patrick Star"},
        ],
    )
    conn.commit()

scalar_subq = (
    select(user_table.c.id)
    .where(user_table.c.name == bindparam("username"))
    .scalar_subquery()
)

with engine.connect() as conn:
    result = conn.execute(
        insert(address_table).values(user_id=scalar_subq),
        [
            {
                "username": "spongebob",
                "email_address": "spongebob@sqlalchemy.org",
            },
            {"username": "sandy", "email_address": "sandy@sqlalchemy.org"},
            {"username": "sandy", "email_address": "sandy@squirrelpower.org"},
        ],
    )
    conn.commit()

from sqlalchemy.orm import Session

# --- setup: doc/build/tutorial/data_update.rst, "Getting Affected Row Count from UPDATE, DELETE" ---
from sqlalchemy import update

with engine.begin() as conn:
    result = conn.execute(
        update(user_table)
        .values(fullname="Patrick McStar")
        .where(user_table.c.name == "patrick")
    )

# --- setup: doc/build/tutorial/orm_data_manipulation.rst (users 4 and 5, the page's session) ---
squidward = User(name="squidward", fullname="Squidward Tentacles")
krabs = User(name="ehkrabs", fullname="Eugene H. Krabs")
session = Session(engine)
session.add(squidward)
session.add(krabs)
session.commit()

# the page ends with squidward re-added after close() and refreshed, in a new transaction
session.close()
session.add(squidward)
squidward.name

# --- doc/build/tutorial/orm_related_objects.rst: "Persisting and Loading Relationships" ---
u1 = User(name="pkrabs", fullname="Pearl Krabs")
u1.addresses
a1 = Address(email_address="pearl.krabs@gmail.com")
u1.addresses.append(a1)
u1.addresses
print(a1.user)
a2 = Address(email_address="pearl@aol.com", user=u1)
u1.addresses
a2.user = u1

# --- doc/build/tutorial/orm_related_objects.rst: "Cascading Objects into the Session" ---
session.add(u1)
print(u1 in session)
print(a1 in session)
print(a2 in session)
print(u1.id)
print(a1.user_id)
session.commit()

# --- doc/build/tutorial/orm_related_objects.rst: "Loading Relationships" ---
print(u1.id)
u1.addresses
u1.addresses
print(a1)
print(a2)

# --- doc/build/tutorial/orm_related_objects.rst: "Using Relationships to Join" ---
print(select(Address.email_address).select_from(User).join(User.addresses))
print(select(Address.email_address).join_from(User, Address))

# --- doc/build/tutorial/orm_related_objects.rst: "Selectin Load" ---
from sqlalchemy.orm import selectinload
stmt = select(User).options(selectinload(User.addresses)).order_by(User.id)

for row in session.execute(stmt):
    print(
        f"{row.User.name}  ({', '.join(a.email_address for a in row.User.addresses)})"
    )
