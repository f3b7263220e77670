# source: doc/build/core/operators.rst, section "Parentheses and Grouping" (preceded by the page's earlier sections; setup: the page's hidden setup block)
# --- setup: doc/build/core/operators.rst ---
from sqlalchemy import column, select
from sqlalchemy import create_engine
engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)
from sqlalchemy import MetaData, Table, Column, Integer, String, Numeric
metadata_obj = MetaData()

user_table = Table(
    "user_account",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
    Column("fullname", String),
)

from sqlalchemy import ForeignKey

address_table = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", None, ForeignKey("user_account.id")),
    Column("email_address", String, nullable=False),
)

metadata_obj.create_all(engine)

from sqlalchemy.orm import declarative_base

Base = declarative_base()

from sqlalchemy.orm import relationship

class User(Base):
    __tablename__ = "user_account"

    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    fullname = Column(String)

    addresses = relationship("Address", back_populates="user")

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"

class Address(Base):
    __tablename__ = "address"

    id = Column(Integer, primary_key=True)
    email_address = Column(String, nullable=False)
    user_id = Column(Integer, ForeignKey("user_account.id"))

    user = relationship("User", back_populates="addresses")

    def __repr__(self):
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"

conn = engine.connect()

from sqlalchemy.orm import Session

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

# --- doc/build/core/operators.rst: "Comparison Operators" ---
print(column("x") == 5)
print(column("x") != 5)
print(column("x") > 5)
print(column("x") < 5)
print(column("x") >= 5)
print(column("x") <= 5)
print(column("x").between(5, 10))

# --- doc/build/core/operators.rst: "IN against a list of values" ---
print(column("x").in_([1, 2, 3]))
stmt = select(User.id).where(User.id.in_([1, 2, 3]))
result = conn.execute(stmt)

# --- doc/build/core/operators.rst: "Empty IN Expressions" ---
stmt = select(User.id).where(User.id.in_([]))
result = conn.execute(stmt)

# --- doc/build/core/operators.rst: "NOT IN" ---
print(column("x").not_in([1, 2, 3]))
print(~column("x").in_([1, 2, 3]))

# --- doc/build/core/operators.rst: "Tuple IN Expressions" ---
from sqlalchemy import tuple_
tup = tuple_(column("x", Integer), column("y", Integer))
expr = tup.in_([(1, 2), (3, 4)])
print(expr)
tup = tuple_(User.id, Address.id)
stmt = select(User.name).join(Address).where(tup.in_([(1, 1), (2, 2)]))
conn.execute(stmt).all()

# --- doc/build/core/operators.rst: "Subquery IN" ---
print(column("x").in_(select(user_table.c.id)))

print(
    tuple_(column("x"), column("y")).in_(
        select(user_table.c.id, address_table.c.id).join(address_table)
    )
)

# --- doc/build/core/operators.rst: "Identity Comparisons" ---
print(column("x").is_(None))
from sqlalchemy import null
print(column("x").is_(null()))
a = None
print(column("x") == a)
print(column("x").is_not(None))
print(column("x") != None)
print(column("x").is_distinct_from("some value"))
print(column("x").isnot_distinct_from("some value"))

# --- doc/build/core/operators.rst: "String Comparisons" ---
print(column("x").like("word"))
print(column("x").ilike("word"))
print(column("x").notlike("word"))
print(column("x").notilike("word"))

# --- doc/build/core/operators.rst: "String Containment" ---
print(column("x").startswith("word"))
print(column("x").endswith("word"))
print(column("x").contains("word"))

# --- doc/build/core/operators.rst: "String matching" ---
print(column("x").match("word"))
from sqlalchemy.dialects import postgresql
print(column("x").regexp_match("word").compile(dialect=postgresql.dialect()))
from sqlalchemy.dialects import mysql
print(column("x").regexp_match("word").compile(dialect=mysql.dialect()))

# --- doc/build/core/operators.rst: "String Alteration" ---
print(column("x").concat("some string"))
print(column("x", String) + "some string")
print((column("x", String) + "some string").compile(dialect=mysql.dialect()))
print(column("x").regexp_replace("foo", "bar").compile(dialect=postgresql.dialect()))

print(
    (column("x").collate("latin1_german2_ci") == "Müller").compile(
        dialect=mysql.dialect()
    )
)

from sqlalchemy import literal

print(
    (literal("Müller").collate("latin1_german2_ci") == column("x")).compile(
        dialect=mysql.dialect()
    )
)

# --- doc/build/core/operators.rst: "Arithmetic Operators" ---
print(column("x") + 5)
print(5 + column("x"))
print(column("x") - 5)
print(5 - column("x"))
print(column("x") * 5)
print(5 * column("x"))
print(column("x") / 5)
print(5 / column("x"))
print(column("x", Integer) // 5)
print(5 // column("x", Integer))
print(column("x") // 5.5)
print(5 // column("x", Numeric))
print(column("x") % 5)
print(5 % column("x"))

# --- doc/build/core/operators.rst: "Bitwise Operators" ---
print(column("x").bitwise_not())
from sqlalchemy import bitwise_not
print(bitwise_not(column("x")))
print(column("x").bitwise_and(5))
print(column("x").bitwise_or(5))
print(column("x").bitwise_xor(5))
from sqlalchemy.dialects import postgresql
print(column("x").bitwise_xor(5).compile(dialect=postgresql.dialect()))
print(column("x").bitwise_rshift(5))
print(column("x").bitwise_lshift(5))

# --- doc/build/core/operators.rst: "Using Conjunctions and Negations" ---
print(
    select(address_table.c.email_address)
    .where(user_table.c.name == "squidward")
    .where(address_table.c.user_id == user_table.c.id)
)

print(
    select(address_table.c.email_address).where(
        user_table.c.name == "squidward",
        address_table.c.user_id == user_table.c.id,
    )
)

from sqlalchemy import and_, or_

print(
    select(address_table.c.email_address).where(
        and_(
            or_(user_table.c.name == "squidward", user_table.c.name == "sandy"),
            address_table.c.user_id == user_table.c.id,
        )
    )
)

from sqlalchemy import not_

print(not_(column("x") == 5))

from sqlalchemy import Boolean

print(not_(column("x", Boolean)))

# --- doc/build/core/operators.rst: "Conjunction Operators" ---
print((column("x") == 5) & (column("y") == 10))
print((column("x") == 5) | (column("y") == 10))
print(~(column("x") == 5))
from sqlalchemy import Boolean
print(~column("x", Boolean))

# --- doc/build/core/operators.rst: "Parentheses and Grouping" ---
expr = or_(
    User.name == "squidward", and_(Address.user_id == User.id, User.name == "sandy")
)

print(expr)

expr = and_(
    Address.user_id == User.id, or_(User.name == "squidward", User.name == "sandy")
)

print(expr)

print(column("q") + (column("x") * column("y")))

print(column("q") * (column("x") + column("y")))

conn.close()
