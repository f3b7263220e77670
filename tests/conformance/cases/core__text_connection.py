# Core with text(): named binds, executemany, Result and Row access, engine.begin/connect.
from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER)"))
    conn.execute(text("INSERT INTO t (name, qty) VALUES (:name, :qty)"),
                 [{"name": "apple", "qty": 1}, {"name": "pear", "qty": 2}])
    conn.commit()
    result = conn.execute(text("SELECT id, name, qty FROM t WHERE qty >= :q ORDER BY id"), {"q": 1})
    for row in result:
        print(row.id, row.name, row[2], tuple(row), row)
    print(conn.execute(text("SELECT count(*) FROM t")).scalar())
    r = conn.execute(text("UPDATE t SET qty = qty + 1"))
    print(r.rowcount)
    print(conn.execute(text("SELECT name FROM t ORDER BY name")).scalars().all())
    print(conn.execute(text("SELECT name, qty FROM t ORDER BY id")).mappings().first())
    print(conn.execute(text("SELECT name FROM t WHERE qty > 100")).first())
with engine.begin() as conn:
    conn.execute(text("DELETE FROM t WHERE name = :n"), {"n": "apple"})
with engine.connect() as conn:
    rows = conn.execute(text("SELECT name, qty FROM t")).all()
    print(rows, rows[0].qty)
    one = conn.execute(text("SELECT qty FROM t")).one()
    print(one, one[0])
