# source: doc/build/tutorial/dbapi_transactions.rst, section "Committing Changes" (preceded by the page's sections "Getting a Connection"; setup: tutorial/engine.rst)
# --- setup: doc/build/tutorial/engine.rst ---
from sqlalchemy import create_engine

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

# --- doc/build/tutorial/dbapi_transactions.rst: "Getting a Connection" ---
from sqlalchemy import text

with engine.connect() as conn:
    result = conn.execute(text("select 'hello world'"))
    print(result.all())

# --- doc/build/tutorial/dbapi_transactions.rst: "Committing Changes" ---
with engine.connect() as conn:
    print(conn.execute(text("CREATE TABLE some_table (x int, y int)")))
    print(conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 1, "y": 1}, {"x": 2, "y": 4}],
    ))
    conn.commit()

with engine.begin() as conn:
    print(conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 6, "y": 8}, {"x": 9, "y": 10}],
    ))
