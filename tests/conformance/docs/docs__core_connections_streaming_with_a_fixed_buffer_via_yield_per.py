# source: doc/build/core/connections.rst, section "Streaming with a fixed buffer via yield_per"
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
