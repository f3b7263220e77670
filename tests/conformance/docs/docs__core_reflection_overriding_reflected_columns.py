# source: doc/build/core/reflection.rst, section "Overriding Reflected Columns"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import create_engine, text
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
