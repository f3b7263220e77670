# source: doc/build/core/constraints.rst, section "The Default Naming Convention"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed
from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

from sqlalchemy.sql.schema import DEFAULT_NAMING_CONVENTION
print(DEFAULT_NAMING_CONVENTION)
