# source: doc/build/core/ddl.rst, section "Controlling DDL Generation of Constraints and Indexes"
# adapted: the page's examples are not doctested; they run on a SQLite engine (SQLite's sqlite_master stands in for pg_constraint; the PostgreSQL-only DDL is only compiled)
from sqlalchemy import CheckConstraint, Index
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
