from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, func, update, insert
from sqlalchemy.exc import InvalidRequestError

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table(
    "user_account",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
    Column("fullname", String),
)
address = Table(
    "address",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("user_account.id"), nullable=False),
    Column("email", String),
)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "ann", "fullname": "Ann"}, {"name": "bob", "fullname": "Bob"}])
    conn.execute(insert(address), [{"user_id": 1, "email": "a@x"}, {"user_id": 2, "email": "b@y"}])

subq = (
    select(func.count(address.c.id).label("count"), address.c.user_id)
    .group_by(address.c.user_id)
    .subquery()
)
print(subq)
stmt = select(user.c.name, subq.c.count).join_from(user, subq)
print(stmt)
cte = (
    select(func.count(address.c.id).label("count"), address.c.user_id)
    .where(address.c.email != "zzz")
    .group_by(address.c.user_id)
    .cte()
)
stmt = select(user.c.name, cte.c.count).join_from(user, cte).where(user.c.name != "q")
print(stmt)
with engine.connect() as conn:
    print(conn.execute(stmt).all())

scalar = (
    select(address.c.email)
    .where(address.c.user_id == user.c.id)
    .order_by(address.c.id)
    .limit(1)
    .scalar_subquery()
)
upd = update(user).values(fullname=scalar)
print(upd)
upd2 = (
    update(user)
    .where(user.c.id == address.c.user_id)
    .where(address.c.email == "b@y")
    .values(fullname="Pat")
)
print(upd2)
with engine.begin() as conn:
    conn.execute(upd)
    conn.execute(upd2)
    print(conn.execute(select(user.c.fullname).order_by(user.c.id)).all())

count = select(func.count(address.c.id)).where(user.c.id == address.c.user_id).scalar_subquery()
bad = select(user.c.name, address.c.email, count.label("n")).join_from(user, address)
try:
    with engine.connect() as conn:
        conn.execute(bad)
except InvalidRequestError as e:
    print(type(e).__name__)

print(insert(user).values())
r = None
with engine.begin() as conn:
    r = conn.execute(insert(user).values())
    print(r)
    print(r.inserted_primary_key)
print(insert(address).from_select(["user_id", "email"], select(user.c.id, user.c.name + "@aol.com")).returning(address.c.id))
