# source: doc/build/core/connections.rst, section "Translation of Schema Names"
# adapted: the page's examples are not doctested; they run on a SQLite engine with the page's some_table and some_other_table (and a users table) created first; placeholder statements are real ones
from sqlalchemy import create_engine
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
