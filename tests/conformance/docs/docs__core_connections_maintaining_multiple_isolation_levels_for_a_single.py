# source: doc/build/core/connections.rst, section "Maintaining Multiple Isolation Levels for a Single Engine"
# adapted: the page's examples are not doctested; they run on a SQLite engine with the page's some_table and some_other_table (and a users table) created first; placeholder statements are real ones
from sqlalchemy import create_engine, text

eng = create_engine(
    "sqlite://",
    execution_options={"isolation_level": "READ UNCOMMITTED"},
    echo=True,
)
with eng.connect() as conn:
    print(conn.get_isolation_level())
    print(conn.execute(text("select 1")).scalar())

autocommit_engine = eng.execution_options(isolation_level="AUTOCOMMIT")
print(autocommit_engine.get_execution_options())
with autocommit_engine.connect() as conn:
    print(conn.get_isolation_level())
    conn.execute(text("create table t (x integer)"))
    conn.execute(text("insert into t (x) values (1)"))
