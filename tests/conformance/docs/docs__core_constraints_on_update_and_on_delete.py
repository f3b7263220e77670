# source: doc/build/core/constraints.rst, section "ON UPDATE and ON DELETE"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed
from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

parent = Table("parent", metadata_obj, Column("id", Integer, primary_key=True))
revisions = Table(
    "revisions",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, primary_key=True),
)
child = Table(
    "child",
    metadata_obj,
    Column(
        "id",
        Integer,
        ForeignKey("parent.id", onupdate="CASCADE", ondelete="CASCADE"),
        primary_key=True,
    ),
)
composite = Table(
    "composite",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("rev_id", Integer),
    Column("note_id", Integer),
    ForeignKeyConstraint(
        ["rev_id", "note_id"],
        ["revisions.id", "revisions.note_id"],
        onupdate="CASCADE",
        ondelete="SET NULL",
    ),
)
metadata_obj.create_all(engine)
