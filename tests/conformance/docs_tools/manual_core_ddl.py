import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
P = "doc/build/core/ddl.rst"
AD = "the page's examples are not doctested; they run on a SQLite engine (SQLite's sqlite_master stands in for pg_constraint; the PostgreSQL-only DDL is only compiled)"
IMP = '''from sqlalchemy import create_engine, event, text
from sqlalchemy import MetaData, Table, Column, Integer, String
from sqlalchemy import DDL

engine = create_engine("sqlite://", echo=True)
metadata = MetaData()
'''
cases = {
"custom_ddl": ("Custom DDL", IMP + '''
users = Table(
    "users",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(40), nullable=False),
)
event.listen(
    metadata,
    "after_create",
    DDL(
        "CREATE INDEX ix_user_name_length "
        "ON users (length(user_name))"
    ),
)
metadata.create_all(engine)
'''),
"controlling_ddl_sequences": ("Controlling DDL Sequences", IMP + '''
mytable = Table(
    "mytable",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("data", String(50)),
)
func = DDL(
    "CREATE FUNCTION my_func() "
    "RETURNS TRIGGER AS $$ "
    "BEGIN "
    "NEW.data := 'ins'; "
    "RETURN NEW; "
    "END; $$ LANGUAGE PLPGSQL"
)
trigger = DDL(
    "CREATE TRIGGER dt_ins BEFORE INSERT ON mytable "
    "FOR EACH ROW EXECUTE PROCEDURE my_func();"
)
event.listen(mytable, "after_create", func.execute_if(dialect="postgresql"))
event.listen(mytable, "after_create", trigger.execute_if(dialect="postgresql"))
event.listen(
    mytable, "before_drop", trigger.execute_if(dialect=("postgresql", "mysql"))
)
sqlite_trigger = DDL(
    "CREATE TRIGGER dt_ins AFTER INSERT ON mytable "
    "BEGIN UPDATE mytable SET data = 'ins' WHERE id = NEW.id; END"
)
event.listen(mytable, "after_create", sqlite_trigger.execute_if(dialect="sqlite"))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(mytable.insert(), {"data": "x"})
    print(conn.execute(mytable.select()).all())
metadata.drop_all(engine)

users = Table(
    "users",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(40), nullable=False),
)

def should_create(ddl, target, connection, **kw):
    row = connection.execute(
        text("select name from sqlite_master where name='%s'" % "ix_user_name_length")
    ).scalar()
    return not bool(row)

def should_drop(ddl, target, connection, **kw):
    return not should_create(ddl, target, connection, **kw)

event.listen(
    users,
    "after_create",
    DDL(
        "CREATE INDEX ix_user_name_length ON users (length(user_name))"
    ).execute_if(callable_=should_create),
)
event.listen(
    users,
    "before_drop",
    DDL("DROP INDEX ix_user_name_length").execute_if(
        callable_=should_drop
    ),
)
users.create(engine)
users.drop(engine)
'''),
"using_the_built_in_ddlelement_classes": ("Using the built-in DDLElement Classes", IMP + '''
from sqlalchemy.schema import CreateTable, DropTable, CreateIndex, DropIndex
from sqlalchemy import Index

mytable = Table(
    "mytable",
    metadata,
    Column("col1", Integer),
    Column("col2", Integer),
    Column("col3", Integer),
    Column("col4", Integer),
    Column("col5", Integer),
    Column("col6", Integer),
)
ix = Index("ix_col12", mytable.c.col1, mytable.c.col2)
print(CreateTable(mytable))
print(CreateIndex(ix))
print(DropIndex(ix))
print(DropTable(mytable))
with engine.connect() as conn:
    conn.execute(CreateTable(mytable))
    conn.execute(CreateIndex(ix))
    conn.execute(DropIndex(ix))
    conn.execute(DropTable(mytable))
    conn.commit()
'''),
"controlling_ddl_generation_of_constraints_and_indexes": ("Controlling DDL Generation of Constraints and Indexes", '''from sqlalchemy import CheckConstraint, Index
from sqlalchemy import MetaData, Table, Column
from sqlalchemy import Integer, String

meta = MetaData()

my_table = Table(
    "my_table",
    meta,
    Column("id", Integer, primary_key=True),
    Column("num", Integer),
    Column("data", String),
    Index("my_pg_index", "data").ddl_if(dialect="postgresql"),
    CheckConstraint("num > 5").ddl_if(dialect="postgresql"),
)
from sqlalchemy import create_engine

sqlite_engine = create_engine("sqlite+pysqlite://", echo=True)
meta.create_all(sqlite_engine)

from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import postgresql

print(CreateTable(my_table).compile(dialect=postgresql.dialect()))
'''),
}
for k, (title, body) in cases.items():
    write("docs__core_ddl_" + k, '%s, section "%s"' % (P, title), AD, body)
