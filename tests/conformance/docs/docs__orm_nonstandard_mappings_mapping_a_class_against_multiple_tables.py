# source: doc/build/orm/nonstandard_mappings.rst, section "Mapping a Class against Multiple Tables"
# adapted: the page's mapping; an engine, one AddressUser flushed (a row in each table), and the page's statement run
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import Session

# --- doc/build/orm/nonstandard_mappings.rst ---
from sqlalchemy import Table, Column, Integer, String, MetaData, join, ForeignKey
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import column_property

metadata_obj = MetaData()

# define two Table objects
user_table = Table(
    "user",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String),
)

address_table = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.id")),
    Column("email_address", String),
)

# define a join between them.  This
# takes place across the user.id and address.user_id
# columns.
user_address_join = join(user_table, address_table)


class Base(DeclarativeBase):
    metadata = metadata_obj


# map to it
class AddressUser(Base):
    __table__ = user_address_join

    id = column_property(user_table.c.id, address_table.c.user_id)
    address_id = address_table.c.id


engine = create_engine("sqlite://", echo=True)
metadata_obj.create_all(engine)
with Session(engine) as session:
    session.add(AddressUser(name="u1", email_address="u1@example.com"))
    session.commit()
    stmt = select(AddressUser).group_by(*AddressUser.id.expressions)
    for au in session.scalars(stmt):
        print(au.id, au.address_id, au.name, au.email_address)
