# source: doc/build/core/connections.rst, section "Understanding the DBAPI-Level Autocommit Isolation Level"
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

# if we wanted to flip autocommit on and off on a single connection/
# which... we usually don't.

with engine.connect() as connection:
    connection.execution_options(isolation_level="AUTOCOMMIT")

    # run statement(s) in autocommit mode
    connection.execute(text("insert into some_table (x, y) values (1, 'auto')"))

    # "commit" the autobegun "transaction"
    connection.commit()

    # switch to default isolation level
    connection.execution_options(isolation_level=connection.default_isolation_level)

    # use a begin block
    with connection.begin() as trans:
        connection.execute(text("insert into some_table (x, y) values (2, 'begin')"))

# use an autocommit block
with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
    # run statement in autocommit mode
    connection.execute(text("insert into some_table (x, y) values (3, 'auto')"))

# use a regular block
with engine.begin() as connection:
    connection.execute(text("insert into some_table (x, y) values (4, 'regular')"))
