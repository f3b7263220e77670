# source: doc/build/core/reflection.rst, section "Reflecting Views"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import create_engine, text, select
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
