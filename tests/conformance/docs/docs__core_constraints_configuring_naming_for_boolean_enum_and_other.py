# source: doc/build/core/constraints.rst, section "Configuring Naming for Boolean, Enum, and other schema types"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed
from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()

Table("foo", metadata_obj, Column("flag", Boolean(name="ck_foo_flag", create_constraint=True)))
metadata_obj.create_all(engine)

metadata_obj = MetaData(
    naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"}
)
Table("foo2", metadata_obj, Column("flag", Boolean(name="flag_bool", create_constraint=True)))
metadata_obj.create_all(engine)

metadata_obj = MetaData(naming_convention={"ck": "ck_%(table_name)s_%(column_0_name)s"})
Table("foo3", metadata_obj, Column("flag", Boolean(create_constraint=True)))
metadata_obj.create_all(engine)
