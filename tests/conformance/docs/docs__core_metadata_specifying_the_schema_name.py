# source: doc/build/core/metadata.rst, section "Specifying the Schema Name"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed
from sqlalchemy import create_engine, select
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey

metadata_obj = MetaData()
financial_info = Table(
    "financial_info",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("value", String(100), nullable=False),
    schema="remote_banks",
)
print(select(financial_info))
print(repr(metadata_obj.tables["remote_banks.financial_info"]))

customer = Table(
    "customer",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("financial_info_id", ForeignKey("remote_banks.financial_info.id")),
    schema="remote_banks",
)
print(select(customer).join(financial_info))
print(sorted(metadata_obj.tables))
