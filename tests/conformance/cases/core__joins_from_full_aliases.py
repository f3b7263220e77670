from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, func

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table(
    "user_account",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
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
    conn.execute(user.insert(), [{"name": "ann"}, {"name": "bob"}])
    conn.execute(address.insert(), [{"user_id": 1, "email": "a@x"}, {"user_id": 1, "email": "a@y"}])

print(select(user.c.name, address.c.email).join_from(user, address))
print(select(address.c.email).select_from(user).join(address))
print(select(user).join(address, user.c.id == address.c.user_id, isouter=True))
print(select(user).join(address, full=True))
print(select(user).outerjoin(address))
print(user.c["name", "id"])
print(select(user.c["name", "id"]))
print(user.c[0], user.c.keys())
print(user.primary_key)
print(metadata)

a1 = user.alias()
a2 = user.alias()
stmt = select(a1.c.name, a2.c.name).join_from(a1, a2, a1.c.id > a2.c.id)
print(stmt)
with engine.connect() as conn:
    print(conn.execute(stmt).all())
    print(conn.execute(select(user.c.name, address.c.email).join_from(user, address).order_by(address.c.id)).all())

stmt = (
    select(address.c.user_id, func.count(address.c.id).label("n"))
    .group_by("user_id")
    .order_by("user_id", func.count(address.c.id).desc())
)
print(stmt)
with engine.connect() as conn:
    print(conn.execute(stmt).all())
