# source: doc/build/tutorial/data_select.rst, section "Using Window Functions" (preceded by the page's earlier sections; setup: tutorial/engine.rst, tutorial/metadata.rst tables and mapping, tutorial/data_insert.rst rows)
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

# --- doc/build/tutorial/data_select.rst: "The select() SQL Expression Construct" ---
from sqlalchemy import select
stmt = select(user_table).where(user_table.c.name == "spongebob")
print(stmt)

with engine.connect() as conn:
    for row in conn.execute(stmt):
        print(row)

stmt = select(User).where(User.name == "spongebob")

with Session(engine) as session:
    for row in session.execute(stmt):
        print(row)

# --- doc/build/tutorial/data_select.rst: "Setting the COLUMNS and FROM clause" ---
print(select(user_table))
print(select(user_table.c.name, user_table.c.fullname))
print(select(user_table.c["name", "fullname"]))

# --- doc/build/tutorial/data_select.rst: "Selecting ORM Entities and Columns" ---
print(select(User))
row = session.execute(select(User)).first()
print(row)
print(row[0])
user = session.scalars(select(User)).first()
print(user)
print(select(User.name, User.fullname))
row = session.execute(select(User.name, User.fullname)).first()
print(row)

print(session.execute(
    select(User.name, Address).where(User.id == Address.user_id).order_by(Address.id)
).all())

# --- doc/build/tutorial/data_select.rst: "Selecting from Labeled SQL Expressions" ---
from sqlalchemy import func, cast

stmt = select(
    ("Username: " + user_table.c.name).label("username"),
).order_by(user_table.c.name)

with engine.connect() as conn:
    for row in conn.execute(stmt):
        print(f"{row.username}")

# --- doc/build/tutorial/data_select.rst: "Selecting with Textual Column Expressions" ---
from sqlalchemy import text
stmt = select(text("'some phrase'"), user_table.c.name).order_by(user_table.c.name)

with engine.connect() as conn:
    print(conn.execute(stmt).all())

from sqlalchemy import literal_column

stmt = select(literal_column("'some phrase'").label("p"), user_table.c.name).order_by(
    user_table.c.name
)

with engine.connect() as conn:
    for row in conn.execute(stmt):
        print(f"{row.p}, {row.name}")

# --- doc/build/tutorial/data_select.rst: "The WHERE clause" ---
print(user_table.c.name == "squidward")
print(address_table.c.user_id > 10)
print(select(user_table).where(user_table.c.name == "squidward"))

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
    select(Address.email_address).where(
        and_(
            or_(User.name == "squidward", User.name == "sandy"),
            Address.user_id == User.id,
        )
    )
)

print(
    select(Address.email_address).where(
        or_(
            User.name == "squidward",
            and_(Address.user_id == User.id, User.name == "sandy"),
        )
    )
)

print(select(User).filter_by(name="spongebob", fullname="Spongebob Squarepants"))

# --- doc/build/tutorial/data_select.rst: "Explicit FROM clauses and JOINs" ---
print(select(user_table.c.name))
print(select(user_table.c.name, address_table.c.email_address))

print(
    select(user_table.c.name, address_table.c.email_address).join_from(
        user_table, address_table
    )
)

print(select(user_table.c.name, address_table.c.email_address).join(address_table))

print(select(address_table.c.email_address).select_from(user_table).join(address_table))

from sqlalchemy import func

print(select(func.count("*")).select_from(user_table))

# --- doc/build/tutorial/data_select.rst: "Setting the ON Clause" ---
print(
    select(address_table.c.email_address)
    .select_from(user_table)
    .join(address_table, user_table.c.id == address_table.c.user_id)
)

# --- doc/build/tutorial/data_select.rst: "OUTER and FULL join" ---
print(select(user_table).join(address_table, isouter=True))
print(select(user_table).join(address_table, full=True))

# --- doc/build/tutorial/data_select.rst: "ORDER BY" ---
print(select(user_table).order_by(user_table.c.name))
print(select(User).order_by(User.fullname.desc()))

# --- doc/build/tutorial/data_select.rst: "Aggregate functions with GROUP BY / HAVING" ---
from sqlalchemy import func
count_fn = func.count(user_table.c.id)
print(count_fn)

with engine.connect() as conn:
    result = conn.execute(
        select(User.name, func.count(Address.id).label("count"))
        .join(Address)
        .group_by(User.name)
        .having(func.count(Address.id) > 1)
    )
    print(result.all())

# --- doc/build/tutorial/data_select.rst: "Ordering or Grouping by a Label" ---
from sqlalchemy import func, desc

stmt = (
    select(Address.user_id, func.count(Address.id).label("num_addresses"))
    .group_by("user_id")
    .order_by("user_id", desc("num_addresses"))
)

print(stmt)

# --- doc/build/tutorial/data_select.rst: "Using Aliases" ---
user_alias_1 = user_table.alias()
user_alias_2 = user_table.alias()

print(
    select(user_alias_1.c.name, user_alias_2.c.name).join_from(
        user_alias_1, user_alias_2, user_alias_1.c.id > user_alias_2.c.id
    )
)

# --- doc/build/tutorial/data_select.rst: "ORM Entity Aliases" ---
from sqlalchemy.orm import aliased
address_alias_1 = aliased(Address)
address_alias_2 = aliased(Address)

print(
    select(User)
    .join_from(User, address_alias_1)
    .where(address_alias_1.email_address == "patrick@aol.com")
    .join_from(User, address_alias_2)
    .where(address_alias_2.email_address == "patrick@gmail.com")
)

# --- doc/build/tutorial/data_select.rst: "Subqueries and CTEs" ---
subq = (
    select(func.count(address_table.c.id).label("count"), address_table.c.user_id)
    .group_by(address_table.c.user_id)
    .subquery()
)

print(subq)

print(select(subq.c.user_id, subq.c.count))

stmt = select(user_table.c.name, user_table.c.fullname, subq.c.count).join_from(
    user_table, subq
)

print(stmt)

# --- doc/build/tutorial/data_select.rst: "Common Table Expressions (CTEs)" ---
subq = (
    select(func.count(address_table.c.id).label("count"), address_table.c.user_id)
    .group_by(address_table.c.user_id)
    .cte()
)

stmt = select(user_table.c.name, user_table.c.fullname, subq.c.count).join_from(
    user_table, subq
)

print(stmt)

# --- doc/build/tutorial/data_select.rst: "ORM Entity Subqueries/CTEs" ---
subq = select(Address).where(~Address.email_address.like("%@aol.com")).subquery()
address_subq = aliased(Address, subq)

stmt = (
    select(User, address_subq)
    .join_from(User, address_subq)
    .order_by(User.id, address_subq.id)
)

with Session(engine) as session:
    for user, address in session.execute(stmt):
        print(f"{user} {address}")

cte_obj = select(Address).where(~Address.email_address.like("%@aol.com")).cte()

address_cte = aliased(Address, cte_obj)

stmt = (
    select(User, address_cte)
    .join_from(User, address_cte)
    .order_by(User.id, address_cte.id)
)

with Session(engine) as session:
    for user, address in session.execute(stmt):
        print(f"{user} {address}")

# --- doc/build/tutorial/data_select.rst: "Scalar and Correlated Subqueries" ---
subq = (
    select(func.count(address_table.c.id))
    .where(user_table.c.id == address_table.c.user_id)
    .scalar_subquery()
)

print(subq)

print(subq == 5)

stmt = select(user_table.c.name, subq.label("address_count"))

print(stmt)

stmt = (
    select(
        user_table.c.name,
        address_table.c.email_address,
        subq.label("address_count"),
    )
    .join_from(user_table, address_table)
    .order_by(user_table.c.id, address_table.c.id)
)

# --- doc/build/tutorial/data_select.rst: "Scalar and Correlated Subqueries" ---
subq = (
    select(func.count(address_table.c.id))
    .where(user_table.c.id == address_table.c.user_id)
    .scalar_subquery()
    .correlate(user_table)
)

with engine.connect() as conn:
    result = conn.execute(
        select(
            user_table.c.name,
            address_table.c.email_address,
            subq.label("address_count"),
        )
        .join_from(user_table, address_table)
        .order_by(user_table.c.id, address_table.c.id)
    )
    print(result.all())

# --- doc/build/tutorial/data_select.rst: "LATERAL correlation" ---
subq = (
    select(
        func.count(address_table.c.id).label("address_count"),
        address_table.c.email_address,
        address_table.c.user_id,
    )
    .where(user_table.c.id == address_table.c.user_id)
    .lateral()
)

stmt = (
    select(user_table.c.name, subq.c.address_count, subq.c.email_address)
    .join_from(user_table, subq)
    .order_by(user_table.c.id, subq.c.email_address)
)

print(stmt)

# --- doc/build/tutorial/data_select.rst: "UNION, UNION ALL and other set operations" ---
from sqlalchemy import union_all
stmt1 = select(user_table).where(user_table.c.name == "sandy")
stmt2 = select(user_table).where(user_table.c.name == "spongebob")
u = union_all(stmt1, stmt2)

with engine.connect() as conn:
    result = conn.execute(u)
    print(result.all())

u_subq = u.subquery()

stmt = (
    select(u_subq.c.name, address_table.c.email_address)
    .join_from(address_table, u_subq)
    .order_by(u_subq.c.name, address_table.c.email_address)
)

with engine.connect() as conn:
    result = conn.execute(stmt)
    print(result.all())

# --- doc/build/tutorial/data_select.rst: "Selecting ORM Entities from Unions" ---
stmt1 = select(User).where(User.name == "sandy")
stmt2 = select(User).where(User.name == "spongebob")
u = union_all(stmt1, stmt2)
orm_stmt = select(User).from_statement(u)

with Session(engine) as session:
    for obj in session.execute(orm_stmt).scalars():
        print(obj)

user_alias = aliased(User, u.subquery())

orm_stmt = select(user_alias).order_by(user_alias.id)

with Session(engine) as session:
    for obj in session.execute(orm_stmt).scalars():
        print(obj)

# --- doc/build/tutorial/data_select.rst: "EXISTS subqueries" ---
subq = (
    select(func.count(address_table.c.id))
    .where(user_table.c.id == address_table.c.user_id)
    .group_by(address_table.c.user_id)
    .having(func.count(address_table.c.id) > 1)
).exists()

with engine.connect() as conn:
    result = conn.execute(select(user_table.c.name).where(subq))
    print(result.all())

subq = (
    select(address_table.c.id).where(user_table.c.id == address_table.c.user_id)
).exists()

with engine.connect() as conn:
    result = conn.execute(select(user_table.c.name).where(~subq))
    print(result.all())

# --- doc/build/tutorial/data_select.rst: "Working with SQL Functions" ---
print(select(func.count()).select_from(user_table))
print(select(func.lower("A String With Much UPPERCASE")))
stmt = select(func.now())

with engine.connect() as conn:
    result = conn.execute(stmt)
    # adapted: the doc prints the current time ([(datetime.datetime(...),)]); its type is printed
    print([type(value).__name__ for value in result.one()])

print(select(func.some_crazy_function(user_table.c.name, 17)))

from sqlalchemy.dialects import postgresql

print(select(func.now()).compile(dialect=postgresql.dialect()))

from sqlalchemy.dialects import oracle

print(select(func.now()).compile(dialect=oracle.dialect()))

# --- doc/build/tutorial/data_select.rst: "Functions Have Return Types" ---
print(func.now().type)
print(func.run_some_calculation().type)
from sqlalchemy import JSON
function_expr = func.json_object('{a, 1, b, "def", c, 3.5}', type_=JSON)
stmt = select(function_expr["def"])
print(stmt)

# --- doc/build/tutorial/data_select.rst: "Built-in Functions Have Pre-Configured Return Types" ---
m1 = func.max(Column("some_int", Integer))
print(m1.type)
m2 = func.max(Column("some_str", String))
print(m2.type)
print(func.now().type)
print(func.current_date().type)
print(func.concat("x", "y").type)
print(func.upper("lowercase").type)
print(select(func.upper("lowercase") + " suffix"))
print(func.count().type)
print(func.json_object('{"a", "b"}').type)

# --- doc/build/tutorial/data_select.rst: "Using Window Functions" ---
stmt = (
    select(
        func.row_number().over(partition_by=user_table.c.name),
        user_table.c.name,
        address_table.c.email_address,
    )
    .select_from(user_table)
    .join(address_table)
)

stmt = (
    select(
        func.count().over(order_by=user_table.c.name),
        user_table.c.name,
        address_table.c.email_address,
    )
    .select_from(user_table)
    .join(address_table)
)
