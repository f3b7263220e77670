# source: doc/build/tutorial/dbapi_transactions.rst, section "Getting a Connection" (setup: tutorial/engine.rst)
# --- setup: doc/build/tutorial/engine.rst ---
from sqlalchemy import create_engine

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

# --- doc/build/tutorial/dbapi_transactions.rst: "Getting a Connection" ---
from sqlalchemy import text

with engine.connect() as conn:
    result = conn.execute(text("select 'hello world'"))
    print(result.all())
