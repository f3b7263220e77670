# source: doc/build/core/reflection.rst, section "Fine Grained Reflection with Inspector"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import create_engine, text
from sqlalchemy import inspect

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL DEFAULT 'x', UNIQUE (name))"))
    conn.execute(text("CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), email VARCHAR(50))"))
    conn.execute(text("CREATE INDEX ix_email ON addresses (email)"))
    conn.execute(text("CREATE VIEW user_names AS SELECT name FROM users"))

insp = inspect(engine)
print(insp.get_table_names())
print(insp.get_view_names())
print(insp.has_table("users"), insp.has_table("nope"))
print(insp.get_columns("users"))
print(insp.get_pk_constraint("users"))
print(insp.get_foreign_keys("addresses"))
print(insp.get_indexes("addresses"))
print(insp.get_unique_constraints("users"))
print(insp.get_schema_names())
print(insp.default_schema_name)
print(insp.get_view_definition("user_names"))
