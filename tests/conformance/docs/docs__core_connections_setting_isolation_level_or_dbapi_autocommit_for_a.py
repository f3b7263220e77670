# source: doc/build/core/connections.rst, section "Setting Isolation Level or DBAPI Autocommit for a Connection"
# adapted: the page's examples are not doctested; they run on a SQLite engine with the page's some_table and some_other_table (and a users table) created first; placeholder statements are real ones
from sqlalchemy import create_engine, text, select
from sqlalchemy import MetaData, Table, Column, Integer, String

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()
some_table = Table("some_table", metadata_obj, Column("x", Integer), Column("y", String(50)))
some_other_table = Table("some_other_table", metadata_obj, Column("q", Integer), Column("p", String(50)))
users = Table("users", metadata_obj, Column("id", Integer, primary_key=True), Column("username", String(50)))
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(users.insert(), [{"username": "spongebob"}, {"username": "sandy"}, {"username": "patrick"}])

with engine.connect().execution_options(
    isolation_level="SERIALIZABLE"
) as connection:
    print(connection.get_isolation_level())
    with connection.begin():
        connection.execute(some_table.insert(), {"x": 1, "y": "serializable"})

with engine.connect() as connection:
    print(connection.default_isolation_level)
    print(connection.get_execution_options())
