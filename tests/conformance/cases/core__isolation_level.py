# execution_options(isolation_level=...): an AUTOCOMMIT OptionEngine and Connection (DML commits at once), Session/sessionmaker on it, the in-transaction and invalid-level errors.
from sqlalchemy import create_engine, text, MetaData, Table, Column, Integer, String, insert, select
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite://")
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("x", String(10)))
md.create_all(engine)

ac = engine.execution_options(isolation_level="AUTOCOMMIT")
print(type(ac).__name__, ac.url)

with ac.connect() as conn:
    print(conn.get_isolation_level())
    print(conn.default_isolation_level)
    conn.execute(insert(t).values(x="a"))
    conn.rollback()
with engine.connect() as conn:
    print(conn.get_isolation_level())
    conn.execute(insert(t).values(x="b"))
    conn.rollback()
with engine.connect() as conn:
    conn = conn.execution_options(isolation_level="AUTOCOMMIT")
    print(conn.get_isolation_level())
    conn.execute(insert(t).values(x="c"))
with engine.connect() as conn:
    conn.execute(select(t))
    try:
        conn.execution_options(isolation_level="AUTOCOMMIT")
    except Exception as e:
        print(type(e).__name__, e)
    conn.rollback()
    conn.execution_options(isolation_level="SERIALIZABLE")
    print(conn.get_isolation_level())
try:
    engine.execution_options(isolation_level="BOGUS")
    with engine.execution_options(isolation_level="BOGUS").connect() as c:
        pass
except Exception as e:
    print(type(e).__name__, e)
with Session(ac) as s:
    s.execute(insert(t).values(x="d"))
    s.rollback()
S = sessionmaker(ac)
with S() as s:
    s.execute(insert(t).values(x="e"))
with engine.connect() as conn:
    print(conn.execute(select(t)).all())
with engine.begin() as conn:
    conn.execution_options(isolation_level="READ UNCOMMITTED")
    print(conn.get_isolation_level())
