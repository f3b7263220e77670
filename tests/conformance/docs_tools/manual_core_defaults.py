import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
P = "doc/build/core/defaults.rst"
AD = "the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed"
IMP = '''from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()
'''
cases = {
"scalar_defaults": ("Scalar Defaults", IMP + '''
t = Table("mytable", metadata_obj, Column("id", Integer, primary_key=True),
          Column("somecolumn", Integer, default=12),
          Column("othercolumn", Integer, onupdate=25))
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), [{"id": 1}, {"id": 2}])
    conn.execute(t.update().where(t.c.id == 1).values(somecolumn=5))
    print(conn.execute(select(t).order_by(t.c.id)).all())
'''),
"python_executed_functions": ("Python-Executed Functions", IMP + '''
# a function which counts upwards
i = 0

def mydefault():
    global i
    i += 1
    return i

t = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer, primary_key=True, default=mydefault),
    Column("data", String(20)),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {"data": "a"})
    conn.execute(t.insert(), [{"data": "b"}, {"data": "c"}])
    print(conn.execute(select(t).order_by(t.c.id)).all())
'''),
"context_sensitive_default_functions": ("Context-Sensitive Default Functions", IMP + '''
def mydefault(context):
    return context.get_current_parameters()["counter"] + 12

t = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("counter", Integer),
    Column("counter_plus_twelve", Integer, default=mydefault, onupdate=mydefault),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {"counter": 1})
    conn.execute(t.insert(), [{"counter": 10}, {"counter": 20}])
    conn.execute(t.update().where(t.c.id == 1).values(counter=5))
    print(conn.execute(select(t).order_by(t.c.id)).all())
'''),
"client_invoked_sql_expressions": ("Client-Invoked SQL Expressions", IMP + '''
keyvalues = Table(
    "keyvalues",
    metadata_obj,
    Column("type", String(20)),
    Column("key", String(20)),
)
# func.now() and func.utc_timestamp() (MySQL) read the clock; a deterministic SQL
# function takes their place here
t = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    # define 'create_date' to default to a SQL expression
    Column("create_date", String(20), default=func.upper("created")),
    # define 'key' to pull its default from the 'keyvalues' table
    Column(
        "key",
        String(20),
        default=select(keyvalues.c.key).where(keyvalues.c.type == "type1").scalar_subquery(),
    ),
    # define 'last_modified' to use a SQL function on update
    Column("last_modified", String(20), onupdate=func.lower("MODIFIED")),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(keyvalues.insert(), [{"type": "type1", "key": "k1"}, {"type": "type2", "key": "k2"}])
    conn.execute(t.insert(), {"id": 1})
    conn.execute(t.insert(), [{"id": 2}, {"id": 3}])
    conn.execute(t.update().where(t.c.id == 2).values(key="x"))
    print(conn.execute(select(t).order_by(t.c.id)).all())
'''),
"server_invoked_ddl_explicit_default_expressions": ("Server-invoked DDL-Explicit Default Expressions", IMP + '''
# func.sysdate() (Oracle) reads the clock; a deterministic SQL function takes its place
t = Table(
    "test",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("abc", String(20), server_default="abc"),
    Column("created_at", String(20), server_default=func.lower("CREATED")),
    Column("index_value", Integer, server_default=text("0")),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    result = conn.execute(t.insert(), {"id": 1})
    print(result.inserted_primary_key)
    print(conn.execute(select(t)).all())
'''),
"marking_implicitly_generated_values_timestamps_and": ("Marking Implicitly Generated Values, timestamps, and Triggered Columns", IMP + '''from sqlalchemy.schema import FetchedValue
from sqlalchemy import TIMESTAMP

t = Table(
    "test",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("abc", TIMESTAMP, server_default=FetchedValue()),
    Column("def", String(20), server_onupdate=FetchedValue()),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {"id": 1, "def": "x"})
    conn.execute(t.update().values(id=2))
    print(conn.execute(select(t)).all())
'''),
"defining_sequences": ("Defining Sequences", IMP + '''
table = Table(
    "cartitems",
    metadata_obj,
    Column(
        "cart_id",
        Integer,
        Sequence("cart_id_seq", start=1),
        primary_key=True,
    ),
    Column("description", String(40)),
    Column("createdate", String(30)),
)
# SQLite has no sequences: the Sequence is skipped in DDL and INSERT
metadata_obj.create_all(engine)
with engine.begin() as conn:
    result = conn.execute(table.insert(), {"description": "some description", "createdate": "2015-10-15 12:00:15"})
    print(result.inserted_primary_key)
    print(conn.execute(select(table)).all())
from sqlalchemy.schema import CreateSequence
from sqlalchemy.dialects import postgresql
print(CreateSequence(Sequence("cart_id_seq", start=1)).compile(dialect=postgresql.dialect()))
print(table.insert().values(description="x").compile(dialect=postgresql.dialect()))
'''),
"executing_a_sequence_standalone": ("Executing a Sequence Standalone", IMP + '''from sqlalchemy.dialects import postgresql

my_seq = Sequence("some_sequence", start=1)
stmt = select(my_seq.next_value())
print(stmt.compile(dialect=postgresql.dialect()))

# SQLite has no sequences
with engine.connect() as conn:
    seq = Sequence("some_sequence", start=1)
    nextid = conn.execute(seq)
'''),
"associating_a_sequence_as_the_server_side_default": ("Associating a Sequence as the Server Side Default", IMP + '''from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import postgresql

cart_id_seq = Sequence("cart_id_seq", metadata=metadata_obj, start=1)
table = Table(
    "cartitems",
    metadata_obj,
    Column(
        "cart_id",
        Integer,
        cart_id_seq,
        server_default=cart_id_seq.next_value(),
        primary_key=True,
    ),
    Column("description", String(40)),
    Column("createdate", DateTime()),
)
print(CreateTable(table).compile(dialect=postgresql.dialect()))
'''),
"computed_columns_generated_always_as": ("Computed Columns (GENERATED ALWAYS AS)", '''from sqlalchemy import Table, Column, MetaData, Integer, Computed
from sqlalchemy import create_engine, select

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

square = Table(
    "square",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("side", Integer),
    Column("area", Integer, Computed("side * side")),
    Column("perimeter", Integer, Computed("4 * side")),
)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(square.insert(), [{"side": 2}, {"side": 5}])
    print(conn.execute(select(square)).all())
'''),
"identity_columns_generated_always_by_default_as": ("Identity Columns (GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY)", '''from sqlalchemy import Table, Column, MetaData, Integer, Identity, String
from sqlalchemy import create_engine, select
from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import postgresql

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

data = Table(
    "data",
    metadata_obj,
    Column("id", Integer, Identity(start=42, cycle=True), primary_key=True),
    Column("data", String),
)
print(CreateTable(data).compile(dialect=postgresql.dialect()))
# SQLite ignores the Identity
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(data.insert(), [{"data": "a"}, {"data": "b"}])
    print(conn.execute(select(data)).all())
'''),
}
for k, (title, body) in cases.items():
    write("docs__core_defaults_" + k, '%s, section "%s"' % (P, title), AD, body)
