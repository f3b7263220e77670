# source: doc/build/core/constraints.rst, section "Defining Foreign Keys"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed
from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

user = Table(
    "user",
    metadata_obj,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(16), nullable=False),
)
user_preference = Table(
    "user_preference",
    metadata_obj,
    Column("pref_id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.user_id"), nullable=False),
    Column("pref_name", String(40), nullable=False),
    Column("pref_value", String(100)),
)
invoice = Table(
    "invoice",
    metadata_obj,
    Column("invoice_id", Integer, primary_key=True),
    Column("ref_num", Integer, primary_key=True),
    Column("description", String(60), nullable=False),
)
invoice_item = Table(
    "invoice_item",
    metadata_obj,
    Column("item_id", Integer, primary_key=True),
    Column("item_name", String(60), nullable=False),
    Column("invoice_id", Integer, nullable=False),
    Column("ref_num", Integer, nullable=False),
    ForeignKeyConstraint(
        ["invoice_id", "ref_num"], ["invoice.invoice_id", "invoice.ref_num"]
    ),
)
print(CreateTable(invoice_item))
metadata_obj.create_all(engine)
print(sorted(fk.target_fullname for fk in invoice_item.foreign_keys))
