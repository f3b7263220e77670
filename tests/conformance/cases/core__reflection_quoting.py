from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, text, insert

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE some_table (x int, y varchar(20), z REAL, w BLOB)"))
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (1, 'a')"))

metadata = MetaData()
some_table = Table("some_table", metadata, autoload_with=engine)
print(some_table.c.keys())
print([c.nullable for c in some_table.c])
with engine.connect() as conn:
    print(conn.execute(select(some_table)).all())

t = Table("transaction", metadata, Column("id", Integer, primary_key=True), Column("Like", String), Column("user", String))
u = Table("user", metadata, Column("id", Integer, primary_key=True))
metadata.create_all(engine)
print(select(t).where(t.c.Like == "x"))
print(select(u))
with engine.begin() as conn:
    conn.execute(insert(t).values(Like="x", user="me"))
    print(conn.execute(select(t.c.user, t.c.Like)).all())
    print(conn.execute(select(u)).all())

try:
    Table("nope", MetaData(), autoload_with=engine)
except Exception as e:
    print(type(e).__name__, e)
