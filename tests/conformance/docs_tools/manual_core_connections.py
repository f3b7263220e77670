import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
P = "doc/build/core/connections.rst"
AD = "the page's examples are not doctested; they run on a SQLite engine with the page's some_table and some_other_table (and a users table) created first; placeholder statements are real ones"
IMP = '''from sqlalchemy import create_engine, text, select
from sqlalchemy import MetaData, Table, Column, Integer, String

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()
some_table = Table("some_table", metadata_obj, Column("x", Integer), Column("y", String(50)))
some_other_table = Table("some_other_table", metadata_obj, Column("q", Integer), Column("p", String(50)))
users = Table("users", metadata_obj, Column("id", Integer, primary_key=True), Column("username", String(50)))
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(users.insert(), [{"username": "spongebob"}, {"username": "sandy"}, {"username": "patrick"}])
'''
cases = {
"basic_usage": ("Basic Usage", IMP + '''
with engine.connect() as connection:
    result = connection.execute(text("select username from users"))
    for row in result:
        print("username:", row.username)
'''),
"commit_as_you_go": ("Commit As You Go", IMP + '''
with engine.connect() as connection:
    connection.execute(some_table.insert(), {"x": 7, "y": "this is some data"})
    connection.execute(
        some_other_table.insert(), {"q": 8, "p": "this is some more data"}
    )

    connection.commit()  # commit the transaction

with engine.connect() as connection:
    connection.execute(text("insert into some_table (x, y) values (1, 'one')"))
    connection.commit()  # commits "some statement"

    # new transaction starts
    connection.execute(text("insert into some_table (x, y) values (2, 'two')"))
    connection.rollback()  # rolls back "some other statement"

    # new transaction starts
    connection.execute(text("insert into some_table (x, y) values (3, 'three')"))
    connection.commit()  # commits "a third statement"
'''),
"begin_once": ("Begin Once", IMP + '''
with engine.connect() as connection:
    with connection.begin():
        connection.execute(some_table.insert(), {"x": 7, "y": "this is some data"})
        connection.execute(
            some_other_table.insert(), {"q": 8, "p": "this is some more data"}
        )

    # transaction is committed
'''),
"connect_and_begin_once_from_the_engine": ("Connect and Begin Once from the Engine", IMP + '''
with engine.begin() as connection:
    connection.execute(some_table.insert(), {"x": 7, "y": "this is some data"})
    connection.execute(
        some_other_table.insert(), {"q": 8, "p": "this is some more data"}
    )

# transaction is committed, and Connection is released to the connection
# pool

from sqlalchemy import create_engine

e = create_engine("sqlite://", echo=True)
with e.begin() as conn:
    conn.commit()
    conn.begin()
'''),
"mixing_styles": ("Mixing Styles", IMP + '''
with engine.connect() as connection:
    with connection.begin():
        # run statements in a "begin once" block
        connection.execute(some_table.insert(), {"x": 7, "y": "this is some data"})

    # transaction is committed

    # run a new statement outside of a block. The connection
    # autobegins
    connection.execute(
        some_other_table.insert(), {"q": 8, "p": "this is some more data"}
    )

    # commit explicitly
    connection.commit()

    # can use a "begin once" block here
    with connection.begin():
        # run more statements
        connection.execute(some_table.insert(), {"x": 9, "y": "more"})
'''),
"setting_isolation_level_or_dbapi_autocommit_for_a": ("Setting Isolation Level or DBAPI Autocommit for a Connection", IMP + '''
with engine.connect().execution_options(
    isolation_level="SERIALIZABLE"
) as connection:
    print(connection.get_isolation_level())
    with connection.begin():
        connection.execute(some_table.insert(), {"x": 1, "y": "serializable"})

with engine.connect() as connection:
    print(connection.default_isolation_level)
    print(connection.get_execution_options())
'''),
"maintaining_multiple_isolation_levels_for_a_single": ("Maintaining Multiple Isolation Levels for a Single Engine", '''from sqlalchemy import create_engine, text

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
'''),
"understanding_the_dbapi_level_autocommit_isolation": ("Understanding the DBAPI-Level Autocommit Isolation Level", IMP + '''
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
'''),
"streaming_with_a_fixed_buffer_via_yield_per": ("Streaming with a fixed buffer via yield_per", IMP + '''
with engine.begin() as conn:
    conn.execute(some_table.insert(), [{"x": i, "y": "row %d" % i} for i in range(7)])

with engine.connect() as conn:
    with conn.execution_options(yield_per=3).execute(
        text("select * from some_table")
    ) as result:
        for partition in result.partitions():
            # partition is an iterable that will be at most 3 items
            for row in partition:
                print(f"{row}")
            print("--")
'''),
"streaming_with_a_dynamically_growing_buffer_using": ("Streaming with a dynamically growing buffer using stream_results", IMP + '''
with engine.begin() as conn:
    conn.execute(some_table.insert(), [{"x": i, "y": "row %d" % i} for i in range(5)])

with engine.connect() as conn:
    with conn.execution_options(stream_results=True, max_row_buffer=100).execute(
        text("select * from some_table")
    ) as result:
        for row in result:
            print(f"{row}")
'''),
"translation_of_schema_names": ("Translation of Schema Names", '''from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String

engine = create_engine("sqlite://", echo=True)
with engine.connect() as conn:
    conn.exec_driver_sql("ATTACH DATABASE ':memory:' AS user_schema_one")
metadata_obj = MetaData()
user_table = Table(
    "user",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
)
connection = engine.connect().execution_options(
    schema_translate_map={None: "user_schema_one"}
)
metadata_obj.create_all(connection)
connection.execute(user_table.insert(), {"name": "spongebob"})
result = connection.execute(user_table.select())
print(result.all())
connection.commit()
connection.close()
'''),
"invoking_sql_strings_directly_to_the_driver": ("Invoking SQL strings directly to the driver", IMP + '''
with engine.connect() as conn:
    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    print(conn.exec_driver_sql("select username from users where id = ?", (2,)).all())
    conn.exec_driver_sql("insert into some_table (x, y) values (?, ?)", [(1, "a"), (2, "b")])
    print(conn.exec_driver_sql("select x, y from some_table order by x").fetchall())
    conn.commit()
'''),
"working_with_the_dbapi_cursor_directly": ("Working with the DBAPI cursor directly", IMP + '''
dbapi_conn = engine.raw_connection()
cursor_obj = dbapi_conn.cursor()
cursor_obj.execute("select username from users order by id")
print(cursor_obj.fetchall())
cursor_obj.execute("insert into some_table (x, y) values (5, 'raw')")
cursor_obj.close()
dbapi_conn.commit()
dbapi_conn.close()
'''),
}
for k, (title, body) in cases.items():
    write("docs__core_connections_" + k, '%s, section "%s"' % (P, title), AD, body)
