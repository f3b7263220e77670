# source: doc/build/core/ddl.rst, section "Using the built-in DDLElement Classes"
# adapted: the page's examples are not doctested; they run on a SQLite engine (SQLite's sqlite_master stands in for pg_constraint; the PostgreSQL-only DDL is only compiled)
from sqlalchemy import create_engine, event, text
from sqlalchemy import MetaData, Table, Column, Integer, String
from sqlalchemy import DDL

engine = create_engine("sqlite://", echo=True)
metadata = MetaData()

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
