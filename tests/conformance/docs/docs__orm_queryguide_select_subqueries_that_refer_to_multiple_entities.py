# source: doc/build/orm/queryguide/select.rst, section "Subqueries that Refer to Multiple Entities" (preceded by the page's earlier sections; setup: orm/queryguide/_plain_setup.rst; end: _end_doctest.rst)
# --- setup: doc/build/orm/queryguide/_plain_setup.rst ---
from typing import List
from typing import Optional
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")
    orders: Mapped[List["Order"]] = relationship()

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    email_address: Mapped[str]
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"

order_items_table = Table(
    "order_items",
    Base.metadata,
    Column("order_id", ForeignKey("user_order.id"), primary_key=True),
    Column("item_id", ForeignKey("item.id"), primary_key=True),
)

class Order(Base):
    __tablename__ = "user_order"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    items: Mapped[List["Item"]] = relationship(secondary=order_items_table)

class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    description: Mapped[str]

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

Base.metadata.create_all(engine)

conn = engine.connect()

session = Session(conn)

session.add_all(
    [
        User(
            name="spongebob",
            fullname="Spongebob Squarepants",
            addresses=[Address(email_address="spongebob@sqlalchemy.org")],
        ),
        User(
            name="sandy",
            fullname="Sandy Cheeks",
            addresses=[
                Address(email_address="sandy@sqlalchemy.org"),
                Address(email_address="squirrel@squirrelpower.org"),
            ],
        ),
        User(
            name="patrick",
            fullname="Patrick Star",
            addresses=[Address(email_address="pat999@aol.com")],
        ),
        User(
            name="squidward",
            fullname="Squidward Tentacles",
            addresses=[Address(email_address="stentcl@sqlalchemy.org")],
        ),
        User(name="ehkrabs", fullname="Eugene H. Krabs"),
    ]
)

session.commit()

conn.begin()

# --- doc/build/orm/queryguide/select.rst: "Writing SELECT statements for ORM Mapped Classes" ---
from sqlalchemy import select
stmt = select(User).where(User.name == "spongebob")
result = session.execute(stmt)

for user_obj in result.scalars():
    print(f"{user_obj.name} {user_obj.fullname}")

# --- doc/build/orm/queryguide/select.rst: "Selecting ORM Entities" ---
result = session.execute(select(User).order_by(User.id))
print(result.all())
print(session.scalars(select(User).order_by(User.id)).all())

# --- doc/build/orm/queryguide/select.rst: "Selecting Multiple ORM Entities Simultaneously" ---
stmt = select(User, Address).join(User.addresses).order_by(User.id, Address.id)

for row in session.execute(stmt):
    print(f"{row.User.name} {row.Address.email_address}")

from sqlalchemy.orm import aliased

user_cls = aliased(User, name="user_cls")

email_cls = aliased(Address, name="email")

stmt = (
    select(user_cls, email_cls)
    .join(user_cls.addresses.of_type(email_cls))
    .order_by(user_cls.id, email_cls.id)
)

row = session.execute(stmt).first()

print(f"{row.user_cls.name} {row.email.email_address}")

stmt = (
    select(User).join(User.addresses).add_columns(Address).order_by(User.id, Address.id)
)

print(stmt)

# --- doc/build/orm/queryguide/select.rst: "Selecting Individual Attributes" ---
result = session.execute(
    select(User.name, Address.email_address)
    .join(User.addresses)
    .order_by(User.id, Address.id)
)

for row in result:
    print(f"{row.name}  {row.email_address}")

# --- doc/build/orm/queryguide/select.rst: "Grouping Selected Attributes with Bundles" ---
from sqlalchemy.orm import Bundle

stmt = select(
    Bundle("user", User.name, User.fullname),
    Bundle("email", Address.email_address),
).join_from(User, Address)

for row in session.execute(stmt):
    print(f"{row.user.name} {row.user.fullname} {row.email.email_address}")

# --- doc/build/orm/queryguide/select.rst: "Selecting ORM Aliases" ---
from sqlalchemy.orm import aliased
u1 = aliased(User)
print(select(u1).order_by(u1.id))
from sqlalchemy.orm import aliased
u1 = aliased(User, name="u1")
stmt = select(u1).order_by(u1.id)
row = session.execute(stmt).first()
print(f"{row.u1.name}")

# --- doc/build/orm/queryguide/select.rst: "Getting ORM Results from Textual Statements" ---
from sqlalchemy import text
textual_sql = text("SELECT id, name, fullname FROM user_account ORDER BY id")
textual_sql = textual_sql.columns(User.id, User.name, User.fullname)
orm_sql = select(User).from_statement(textual_sql)

for user_obj in session.execute(orm_sql).scalars():
    print(user_obj)

orm_subquery = aliased(User, textual_sql.subquery())

stmt = select(orm_subquery)

for user_obj in session.execute(stmt).scalars():
    print(user_obj)

# --- doc/build/orm/queryguide/select.rst: "Selecting Entities from Subqueries" ---
inner_stmt = select(User).where(User.id < 7).order_by(User.id)
subq = inner_stmt.subquery()
aliased_user = aliased(User, subq)
stmt = select(aliased_user)

for user_obj in session.execute(stmt).scalars():
    print(user_obj)

from sqlalchemy import literal

inner_stmt = select(
    literal(14).label("id"),
    literal("made up name").label("name"),
    literal("made up fullname").label("fullname"),
)

subq = inner_stmt.subquery()

aliased_user = aliased(User, subq, adapt_on_names=True)

stmt = select(aliased_user)

for user_obj in session.execute(stmt).scalars():
    print(user_obj)

# --- doc/build/orm/queryguide/select.rst: "Selecting Entities from UNIONs and other set operations" ---
from sqlalchemy import union_all

u = union_all(
    select(User).where(User.id < 2), select(User).where(User.id == 3)
).order_by(User.id)

stmt = select(User).from_statement(u)

for user_obj in session.execute(stmt).scalars():
    print(user_obj)

subq = union_all(
    select(User).where(User.id < 2), select(User).where(User.id == 3)
).subquery()

user_alias = aliased(User, subq)

stmt = select(user_alias).order_by(user_alias.id)

for user_obj in session.execute(stmt).scalars():
    print(user_obj)

# --- doc/build/orm/queryguide/select.rst: "Simple Relationship Joins" ---
stmt = select(User).join(User.addresses)
print(stmt)

# --- doc/build/orm/queryguide/select.rst: "Chaining Multiple Joins" ---
stmt = select(User).join(User.orders).join(Order.items)
print(stmt)
stmt = select(User).join(User.orders).join(Order.items).join(User.addresses)
print(stmt)

# --- doc/build/orm/queryguide/select.rst: "Joins to a Target Entity" ---
stmt = select(User).join(Address)
print(stmt)

# --- doc/build/orm/queryguide/select.rst: "Joins to a Target with an ON Clause" ---
stmt = select(User).join(Address, User.id == Address.user_id)
print(stmt)
stmt = select(User).join(Address, User.addresses)
print(stmt)

# --- doc/build/orm/queryguide/select.rst: "Combining Relationship with Custom ON Criteria" ---
stmt = select(User.fullname).join(
    User.addresses.and_(Address.email_address == "squirrel@squirrelpower.org")
)

session.execute(stmt).all()

# --- doc/build/orm/queryguide/select.rst: "Using Relationship to join between aliased targets" ---
address_alias_1 = aliased(Address)
address_alias_2 = aliased(Address)

stmt = (
    select(User)
    .join(address_alias_1, User.addresses)
    .where(address_alias_1.email_address == "patrick@aol.com")
    .join(address_alias_2, User.addresses)
    .where(address_alias_2.email_address == "patrick@gmail.com")
)

print(stmt)

print(
    select(User)
    .join(User.addresses.of_type(address_alias_1))
    .where(address_alias_1.email_address == "patrick@aol.com")
    .join(User.addresses.of_type(address_alias_2))
    .where(address_alias_2.email_address == "patrick@gmail.com")
)

user_alias_1 = aliased(User)

print(select(user_alias_1.name).join(user_alias_1.addresses))

# --- doc/build/orm/queryguide/select.rst: "Joining to Subqueries" ---
subq = select(Address).where(Address.email_address == "pat999@aol.com").subquery()
stmt = select(User).join(subq, User.id == subq.c.user_id)
print(stmt)
address_subq = aliased(Address, subq, name="address")
stmt = select(User, address_subq).join(address_subq)

for row in session.execute(stmt):
    print(f"{row.User} {row.address}")

# --- doc/build/orm/queryguide/select.rst: "Joining to Subqueries along Relationship paths" ---
address_subq = aliased(Address, subq, name="address")
stmt = select(User, address_subq).join(User.addresses.of_type(address_subq))

for row in session.execute(stmt):
    print(f"{row.User} {row.address}")

# --- doc/build/orm/queryguide/select.rst: "Subqueries that Refer to Multiple Entities" ---
user_address_subq = (
    select(User.id, User.name, User.fullname, Address.id, Address.email_address)
    .join_from(User, Address)
    .where(Address.email_address.in_(["pat999@aol.com", "squirrel@squirrelpower.org"]))
    .subquery()
)

user_alias = aliased(User, user_address_subq, name="user")

address_alias = aliased(Address, user_address_subq, name="address")

stmt = select(user_alias, address_alias).where(user_alias.name == "sandy")

for row in session.execute(stmt):
    print(f"{row.user} {row.address}")

# --- doc/build/orm/queryguide/_end_doctest.rst (setup code, not for display) ---
session.close()
conn.close()
