# source: doc/build/orm/mapping_styles.rst, section "Imperative Mapping"
# adapted: the page's two fragments joined: `user` / `metadata_obj` of the second are the first's `user_table` / `mapper_registry.metadata`, Address a plain class; an engine, rows and a query through the backref
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import Table, Column, Integer, String, ForeignKey
from sqlalchemy.orm import registry

mapper_registry = registry()

user_table = Table(
    "user",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
    Column("fullname", String(50)),
    Column("nickname", String(12)),
)


class User:
    pass


class Address:
    pass


metadata_obj = mapper_registry.metadata
user = user_table

address = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.id")),
    Column("email_address", String(50)),
)

mapper_registry.map_imperatively(
    User,
    user,
    properties={
        "addresses": relationship(Address, backref="user", order_by=address.c.id)
    },
)

mapper_registry.map_imperatively(Address, address)

engine = create_engine("sqlite://", echo=True)
metadata_obj.create_all(engine)
with Session(engine) as session:
    u = User(name="u1", fullname="User One")
    a1, a2 = Address(email_address="a1"), Address(email_address="a2")
    u.addresses = [a2, a1]
    session.add(u)
    session.commit()
    a = session.scalars(select(Address).where(Address.email_address == "a1")).one()
    print(a.user.name, [x.email_address for x in a.user.addresses])
