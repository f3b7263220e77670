# source: doc/build/core/metadata.rst, section "Specifying a Default Schema Name with MetaData"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed; the two alternatives each on their own MetaData
from sqlalchemy import create_engine, select
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey
from sqlalchemy import BLANK_SCHEMA

metadata_obj = MetaData(schema="remote_banks")

financial_info = Table(
    "financial_info",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("value", String(100), nullable=False),
)
print(repr(metadata_obj.tables["remote_banks.financial_info"]))

# either will work:
refers_to_financial_info = Table(
    "refers_to_financial_info",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("fiid", ForeignKey("financial_info.id")),
)
print(select(refers_to_financial_info).join(financial_info))

metadata_obj = MetaData(schema="remote_banks")
financial_info = Table(
    "financial_info",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("value", String(100), nullable=False),
)
# or
refers_to_financial_info = Table(
    "refers_to_financial_info",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("fiid", ForeignKey("remote_banks.financial_info.id")),
)
print(select(refers_to_financial_info).join(financial_info))

metadata_obj = MetaData(schema="remote_banks")

financial_info = Table(
    "financial_info",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("value", String(100), nullable=False),
    schema=BLANK_SCHEMA,  # will not use "remote_banks"
)
print(select(financial_info))
print(sorted(metadata_obj.tables))
