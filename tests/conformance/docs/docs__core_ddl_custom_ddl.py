# source: doc/build/core/ddl.rst, section "Custom DDL"
# adapted: the page's examples are not doctested; they run on a SQLite engine (SQLite's sqlite_master stands in for pg_constraint; the PostgreSQL-only DDL is only compiled)
from sqlalchemy import create_engine, event, text
from sqlalchemy import MetaData, Table, Column, Integer, String
from sqlalchemy import DDL

engine = create_engine("sqlite://", echo=True)
metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(40), nullable=False),
)
event.listen(
    metadata,
    "after_create",
    DDL(
        "CREATE INDEX ix_user_name_length "
        "ON users (length(user_name))"
    ),
)
metadata.create_all(engine)
