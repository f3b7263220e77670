from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select

engine = create_engine("sqlite://")
meta = MetaData()
Table("users", meta, Column("id", Integer, primary_key=True), Column("name", String(30), nullable=False))
Table("addresses", meta, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("users.id")), Column("email", String))
Table("notes", meta, Column("id", Integer, primary_key=True), Column("body", String(200)))
meta.create_all(engine)

m2 = MetaData()
m2.reflect(bind=engine, only=["addresses"])
print(list(m2.tables))
addresses = m2.tables["addresses"]
print(addresses.c.keys())
print(repr(addresses.c.email.type), addresses.c.id.primary_key, addresses.c.user_id.nullable)
users = m2.tables["users"]
print(select(users.c.name, addresses.c.email).join_from(users, addresses))
m2.reflect(bind=engine)
print(list(m2.tables))
try:
    MetaData().reflect(bind=engine, only=["users", "ghost", "phantom"])
except Exception as e:
    print(type(e).__name__, e)
with engine.connect() as conn:
    m3 = MetaData()
    m3.reflect(conn, only=lambda name, meta: name.startswith("n"))
    print(list(m3.tables), repr(m3.tables["notes"].c.body.type))
