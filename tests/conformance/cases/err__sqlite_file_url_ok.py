# Different sqlite URL forms all work; two engines on one file share its data.
from sqlalchemy import create_engine, text

e1 = create_engine("sqlite:///shared.db")
e2 = create_engine("sqlite:///shared.db")
with e1.begin() as conn:
    conn.execute(text("CREATE TABLE kv (k VARCHAR(5), v INTEGER)"))
    conn.execute(text("INSERT INTO kv VALUES ('a', 1)"))
with e2.connect() as conn:
    print(conn.execute(text("SELECT k, v FROM kv")).all())
# (The recorder serves every SQLite URL from its own connection, so the URLs themselves are
# not printed here: they would show the recorder's, not the script's.)
print(e1.dialect.name, e1.dialect.driver, e1.name)
e3 = create_engine("sqlite+pysqlite:///:memory:")
print(e3.dialect.driver, e3.dialect.paramstyle)
