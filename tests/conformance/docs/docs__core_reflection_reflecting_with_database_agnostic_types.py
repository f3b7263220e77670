# source: doc/build/core/reflection.rst, section "Reflecting with Database-Agnostic Types"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import MetaData, Table, create_engine, text

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
