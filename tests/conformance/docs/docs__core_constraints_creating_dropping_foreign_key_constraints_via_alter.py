# source: doc/build/core/constraints.rst, section "Creating/Dropping Foreign Key Constraints via ALTER"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed
from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

node = Table(
    "node",
    metadata_obj,
    Column("node_id", Integer, primary_key=True),
    Column("primary_element", Integer, ForeignKey("element.element_id")),
)
element = Table(
    "element",
    metadata_obj,
    Column("element_id", Integer, primary_key=True),
    Column("parent_node_id", Integer),
    ForeignKeyConstraint(
        ["parent_node_id"], ["node.node_id"], name="fk_element_parent_node_id"
    ),
)
with engine.connect() as conn:
    metadata_obj.create_all(conn, checkfirst=False)
with engine.connect() as conn:
    metadata_obj.drop_all(conn, checkfirst=False)
