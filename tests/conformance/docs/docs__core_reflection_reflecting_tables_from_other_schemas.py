# source: doc/build/core/reflection.rst, section "Reflecting Tables from Other Schemas"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import create_engine, text
from sqlalchemy import MetaData, Table

# the "project" and "customer" schemas are SQLite databases attached to the connection
someengine = create_engine("sqlite://")
with someengine.begin() as conn:
    conn.exec_driver_sql("ATTACH DATABASE ':memory:' AS project")
    conn.exec_driver_sql("ATTACH DATABASE ':memory:' AS customer")
    conn.execute(text("CREATE TABLE project.messages (message_id INTEGER)"))
    conn.execute(text("CREATE TABLE customer.orders (order_id INTEGER)"))
    conn.execute(text("CREATE TABLE local_table (id INTEGER)"))

metadata_obj = MetaData(schema="project")
# uses `schema` configured in metadata_obj
metadata_obj.reflect(someengine)
print(repr(metadata_obj.tables["project.messages"]))

messages = Table("messages", metadata_obj, schema="project", autoload_with=someengine)
print(repr(messages))

metadata_obj = MetaData()
metadata_obj.reflect(someengine, schema="project")
# add tables from the "customer" schema
metadata_obj.reflect(someengine, schema="customer")
# add tables from the default schema
metadata_obj.reflect(someengine)
print(sorted(metadata_obj.tables))
