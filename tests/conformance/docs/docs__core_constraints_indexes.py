# source: doc/build/core/constraints.rst, section "Indexes"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed
from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

# (table.indexes is a set, so a table with several indexes creates them in no fixed
# order; the page's extra indexes are created one by one after the table here)
mytable = Table(
    "mytable",
    metadata_obj,
    # an indexed column, with index "ix_mytable_col1"
    Column("col1", Integer, index=True),
    Column("col2", Integer),
    Column("col3", Integer),
    Column("col4", Integer),
    Column("col5", Integer),
    Column("col6", Integer),
)
mytable.create(engine)

# place an index on col3, col4
Index("idx_col34", mytable.c.col3, mytable.c.col4).create(engine)

# place a unique index on col5, col6
Index("myindex", mytable.c.col5, mytable.c.col6, unique=True).create(engine)

i = Index("someindex", mytable.c.col5)
i.create(engine)

metadata_obj = MetaData()
mytable2 = Table(
    "mytable2",
    metadata_obj,
    Column("col1", Integer),
    Column("col2", Integer),
    Column("col3", Integer),
    Column("col4", Integer),
    # place a unique index on col3, col4
    Index("idx_col34_2", "col3", "col4", unique=True),
)
metadata_obj.create_all(engine)

metadata_obj = MetaData()
mytable3 = Table(
    "mytable3",
    metadata_obj,
    # a uniquely indexed column with index "ix_mytable3_col2"
    Column("col2", Integer, index=True, unique=True),
)
metadata_obj.create_all(engine)
print(sorted(ix.name for ix in mytable.indexes))
print(sorted(ix.name for ix in mytable2.indexes))
