# source: doc/build/core/connections.rst, section "Working with the DBAPI cursor directly"
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

dbapi_conn = engine.raw_connection()
cursor_obj = dbapi_conn.cursor()
cursor_obj.execute("select username from users order by id")
print(cursor_obj.fetchall())
cursor_obj.execute("insert into some_table (x, y) values (5, 'raw')")
cursor_obj.close()
dbapi_conn.commit()
dbapi_conn.close()
