import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
P = "doc/build/core/reflection.rst"
AD = "the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed"
DB = '''from sqlalchemy import create_engine, text
from sqlalchemy import MetaData, Table, Column, Integer, String, Unicode, ForeignKey

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE messages (message_id INTEGER PRIMARY KEY, message_name VARCHAR(50), date DATETIME)"))
    conn.execute(text("CREATE TABLE shopping_carts (cart_id INTEGER PRIMARY KEY, owner VARCHAR(30))"))
    conn.execute(text(
        "CREATE TABLE shopping_cart_items (item_id INTEGER PRIMARY KEY, "
        "cart_id INTEGER REFERENCES shopping_carts(cart_id), description TEXT)"
    ))
metadata_obj = MetaData()
'''
cases = {
"reflecting_database_objects": ("Reflecting Database Objects", DB + '''
messages = Table("messages", metadata_obj, autoload_with=engine)
print([c.name for c in messages.columns])

shopping_cart_items = Table("shopping_cart_items", metadata_obj, autoload_with=engine)
print("shopping_carts" in metadata_obj.tables)

shopping_carts = Table("shopping_carts", metadata_obj)
print(shopping_carts is metadata_obj.tables["shopping_carts"])
print(repr(shopping_carts))
print(repr(messages))
print(list(shopping_cart_items.c.cart_id.foreign_keys))
print(shopping_cart_items.c.cart_id.references(shopping_carts.c.cart_id))
print(messages.primary_key)
for c in messages.c:
    print(c.name, c.type, c.nullable, c.primary_key)
'''),
"overriding_reflected_columns": ("Overriding Reflected Columns", '''from sqlalchemy import create_engine, text
from sqlalchemy import MetaData, Table, Column, Integer, String, Unicode

some_engine = create_engine("sqlite://")
with some_engine.begin() as conn:
    conn.execute(text("CREATE TABLE mytable (id INTEGER, mydata VARCHAR(50), other VARCHAR(20))"))
metadata_obj = MetaData()

mytable = Table(
    "mytable",
    metadata_obj,
    Column(
        "id", Integer, primary_key=True
    ),  # override reflected 'id' to have primary key
    Column("mydata", Unicode(50)),  # override reflected 'mydata' to be Unicode
    # additional Column objects which require no change are reflected normally
    autoload_with=some_engine,
)
print(repr(mytable))
print(mytable.primary_key)
print(repr(mytable.c.mydata.type), repr(mytable.c.other.type))
'''),
"reflecting_views": ("Reflecting Views", '''from sqlalchemy import create_engine, text, select
from sqlalchemy import MetaData, Table, Column, Integer, ForeignKey

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE othertable (thing_id INTEGER PRIMARY KEY)"))
    conn.execute(text("CREATE TABLE sometable (view_id INTEGER, related_thing INTEGER, data VARCHAR(20))"))
    conn.execute(text("CREATE VIEW some_view AS SELECT view_id, related_thing, data FROM sometable"))
metadata = MetaData()

my_view = Table("some_view", metadata, autoload_with=engine)
print(repr(my_view))
print(my_view.primary_key)

metadata = MetaData()
othertable = Table("othertable", metadata, autoload_with=engine)
my_view = Table(
    "some_view",
    metadata,
    Column("view_id", Integer, primary_key=True),
    Column("related_thing", Integer, ForeignKey("othertable.thing_id")),
    autoload_with=engine,
)
print(repr(my_view))
print(select(my_view).join(othertable))
'''),
"reflecting_all_tables_at_once": ("Reflecting All Tables at Once", '''from sqlalchemy import create_engine, text
from sqlalchemy import MetaData

someengine = create_engine("sqlite://")
with someengine.begin() as conn:
    conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(30))"))
    conn.execute(text("CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), email VARCHAR(50))"))
    conn.execute(text("INSERT INTO users (id, name) VALUES (1, 'spongebob'), (2, 'sandy')"))
    conn.execute(text("INSERT INTO addresses (id, user_id, email) VALUES (1, 1, 'sb@example.com'), (2, 2, 'sandy@example.com')"))

metadata_obj = MetaData()
metadata_obj.reflect(bind=someengine)
users_table = metadata_obj.tables["users"]
addresses_table = metadata_obj.tables["addresses"]
print(repr(users_table))
print(repr(addresses_table))
print([t.name for t in metadata_obj.sorted_tables])

metadata_obj = MetaData()
metadata_obj.reflect(bind=someengine)
with someengine.begin() as conn:
    for table in reversed(metadata_obj.sorted_tables):
        conn.execute(table.delete())
'''),
"reflecting_tables_from_other_schemas": ("Reflecting Tables from Other Schemas", '''from sqlalchemy import create_engine, text
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
'''),
"fine_grained_reflection_with_inspector": ("Fine Grained Reflection with Inspector", '''from sqlalchemy import create_engine, text
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
'''),
"reflecting_with_database_agnostic_types": ("Reflecting with Database-Agnostic Types", '''from sqlalchemy import MetaData, Table, create_engine, text

# a SQLite table stands in for the page's MySQL one
sqlite_engine = create_engine("sqlite://")
with sqlite_engine.begin() as conn:
    conn.execute(text("CREATE TABLE my_table (id INTEGER PRIMARY KEY, data1 VARCHAR(50), data2 MEDIUMINT, data3 TINYINT, data4 NVARCHAR(20))"))

metadata_obj = MetaData()
my_table = Table("my_table", metadata_obj, autoload_with=sqlite_engine)
from sqlalchemy.schema import CreateTable
print(CreateTable(my_table).compile(sqlite_engine))
print([repr(c.type) for c in my_table.c])

from sqlalchemy import event

metadata_obj = MetaData()

@event.listens_for(metadata_obj, "column_reflect")
def genericize_datatypes(inspector, tablename, column_dict):
    column_dict["type"] = column_dict["type"].as_generic()

my_generic_table = Table("my_table", metadata_obj, autoload_with=sqlite_engine)
print([repr(c.type) for c in my_generic_table.c])
other_engine = create_engine("sqlite://", echo=True)
my_generic_table.create(other_engine)
'''),
}
for k, (title, body) in cases.items():
    write("docs__core_reflection_" + k, '%s, section "%s"' % (P, title), AD, body)
