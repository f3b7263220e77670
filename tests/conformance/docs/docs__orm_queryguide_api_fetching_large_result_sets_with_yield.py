# source: doc/build/orm/queryguide/api.rst, section "Fetching Large Result Sets with Yield Per" (preceded by the page's sections "Populate Existing", "Autoflush"; setup: orm/queryguide/_plain_setup.rst; end: _end_doctest.rst)
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

# --- setup: doc/build/orm/queryguide/select.rst (its imports and table names, which the doctest run of api.rst
# follows) ---
from sqlalchemy import select
from sqlalchemy.orm import aliased

user_table = User.__table__
address_table = Address.__table__

# --- doc/build/orm/queryguide/api.rst: "Populate Existing" ---
stmt = select(User).execution_options(populate_existing=True)
result = session.execute(stmt)

# --- doc/build/orm/queryguide/api.rst: "Autoflush" ---
stmt = select(User).execution_options(autoflush=False)
session.execute(stmt)

# --- doc/build/orm/queryguide/api.rst: "Fetching Large Result Sets with Yield Per" ---
stmt = select(User).execution_options(yield_per=10)

for user_obj in session.scalars(stmt):
    print(user_obj)

stmt = select(User).execution_options(stream_results=True, max_row_buffer=10)

for user_obj in session.scalars(stmt).yield_per(10):
    print(user_obj)

stmt = select(User).execution_options(yield_per=10)

for partition in session.scalars(stmt).partitions():
    for user_obj in partition:
        print(user_obj)

# --- doc/build/orm/queryguide/_end_doctest.rst (setup code, not for display) ---
session.close()
conn.close()
