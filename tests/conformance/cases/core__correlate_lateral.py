from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, select, func

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
subq = (
    select(func.count(address.c.id))
    .where(user.c.id == address.c.user_id)
    .scalar_subquery()
    .correlate(user)
)
print(select(user.c.name, address.c.email, subq.label("n")).join_from(user, address))
subq2 = (
    select(func.count(address.c.id))
    .where(user.c.id == address.c.user_id)
    .scalar_subquery()
    .correlate_except(address)
)
print(select(user.c.name, subq2.label("n")))
lat = (
    select(func.count(address.c.id).label("n"), address.c.email, address.c.user_id)
    .where(user.c.id == address.c.user_id)
    .lateral()
)
print(select(user.c.name, lat.c.n, lat.c.email).join_from(user, lat).order_by(user.c.id))
