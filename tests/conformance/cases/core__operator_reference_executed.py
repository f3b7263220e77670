# The Core operator reference's operators executed on SQLite and printed for other dialects:
# tuple IN (VALUES rows), IS [NOT] DISTINCT FROM, bitwise operators (SQLite's XOR rewrite),
# floor division, MATCH / REGEXP spellings, COLLATE, concat on MySQL, PostgreSQL bind casts.
from sqlalchemy import (
    Column, Integer, MetaData, Numeric, String, Table, bitwise_not, column, create_engine,
    literal, select, tuple_,
)
from sqlalchemy.dialects import mysql, postgresql, sqlite

metadata = MetaData()
t = Table(
    "t", metadata,
    Column("id", Integer, primary_key=True),
    Column("a", Integer),
    Column("b", Integer),
    Column("name", String(20)),
    Column("price", Numeric(10, 2)),
)
engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(
        t.insert(),
        [
            {"a": 1, "b": 2, "name": "Müller", "price": 7.5},
            {"a": 3, "b": 4, "name": "muller", "price": 2.25},
            {"a": 5, "b": None, "name": "Smith", "price": 10},
        ],
    )

with engine.connect() as conn:
    print(conn.execute(select(t.c.id).where(tuple_(t.c.a, t.c.b).in_([(1, 2), (5, 6)]))).all())
    print(conn.execute(select(t.c.id).where(tuple_(t.c.a, t.c.b).not_in([(1, 2)]))).all())
    print(conn.execute(select(t.c.id).where(t.c.b.is_distinct_from(2)).order_by(t.c.id)).all())
    print(conn.execute(select(t.c.id).where(t.c.b.is_not_distinct_from(None))).all())
    print(conn.execute(select(t.c.id).where(~t.c.b.is_distinct_from(4))).all())
    stmt = select(
        t.c.a.bitwise_and(t.c.b),
        t.c.a.bitwise_or(6),
        t.c.a.bitwise_xor(6),
        t.c.a.bitwise_lshift(2),
        t.c.a.bitwise_rshift(1),
        t.c.a.bitwise_not(),
        bitwise_not(t.c.b),
    ).order_by(t.c.id)
    print(stmt)
    print(conn.execute(stmt).all())
    stmt = select(t.c.a // 2, t.c.price // 2, 7 // t.c.a, t.c.a // 1.5, t.c.a % 2).order_by(t.c.id)
    print(stmt)
    print(conn.execute(stmt).all())
    stmt = select(t.c.id).where(t.c.name.collate("NOCASE") == "smith")
    print(stmt)
    print(conn.execute(stmt).all())
    print(conn.execute(select(t.c.name.collate("NOCASE")).order_by(t.c.name.collate("NOCASE").desc())).all())
    print(select(t.c.id).where(column("x").in_(select(t.c.a, t.c.a))))

print((t.c.name + "x").compile(dialect=mysql.dialect()))
print(t.c.name.concat(t.c.name).compile(dialect=mysql.dialect()))
print((t.c.name == "x").compile(dialect=postgresql.dialect()))
print((t.c.a == 5).compile(dialect=postgresql.dialect()))
print(t.c.a.bitwise_xor(3).compile(dialect=postgresql.dialect()))
print(t.c.a.bitwise_xor(3).compile(dialect=sqlite.dialect()))
print(t.c.name.regexp_match("^M").compile(dialect=sqlite.dialect()))
print(t.c.name.regexp_match("^M"))
print(t.c.name.match("word").compile(dialect=mysql.dialect()))
print(t.c.name.regexp_replace("a", "b"))
print(t.c.name.regexp_replace("a", "b").compile(dialect=mysql.dialect()))
print(t.c.name.regexp_replace("a", "b").compile(dialect=postgresql.dialect()))
print((literal("x").collate("C") == t.c.name).compile(dialect=postgresql.dialect()))
print(tuple_(t.c.a, t.c.b).in_([(1, 2)]).compile(dialect=sqlite.dialect()))
print(t.c.b.is_distinct_from(None).compile(dialect=sqlite.dialect()))
print(t.c.a.is_distinct_from(t.c.b), t.c.a.isnot_distinct_from(1))
print(t.c.name.notilike("m%"), t.c.name.isnot(None))
try:
    t.c.name.regexp_replace("a", "b").compile(dialect=sqlite.dialect())
except Exception as e:
    print(type(e).__name__, e)
# SQLAlchemy's floor() is Python's math.floor: NULL makes it raise inside SQLite.
try:
    with engine.connect() as conn:
        conn.execute(select(t.c.b // 1.5)).all()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
