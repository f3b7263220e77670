# A UNIQUE column violated through Core inside engine.begin(): the block rolls back.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, select
from sqlalchemy.exc import IntegrityError

metadata = MetaData()
users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("email", String(30), unique=True))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(users).values(email="a@x"))
try:
    with engine.begin() as conn:
        conn.execute(insert(users).values(email="b@x"))
        conn.execute(insert(users).values(email="a@x"))
except IntegrityError as e:
    print("caught:", type(e).__name__)
    print(e.orig)
    print(e.statement, e.params)
with engine.connect() as conn:
    print(conn.execute(select(users.c.email)).scalars().all())
with engine.begin() as conn:
    conn.execute(insert(users), [{"email": "c@x"}, {"email": "c@x"}])
