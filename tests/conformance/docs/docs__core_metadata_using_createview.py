# source: doc/build/core/metadata.rst, section "Using CreateView"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed; the page's user table with the status column its SELECT uses, created on SQLite
from sqlalchemy import create_engine, select
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey

engine = create_engine("sqlite://")
metadata_obj = MetaData()

user = Table(
    "user",
    metadata_obj,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(16), nullable=False),
    Column("email_address", String(60)),
    Column("nickname", String(50), nullable=False),
    Column("status", String(20)),
)
metadata_obj.create_all(engine)

from sqlalchemy.sql.ddl import CreateView
select_stmt = select(user.c.user_id, user.c.user_name).where(user.c.status == "active")
create_view = CreateView(select_stmt, "active_users")
print(create_view)
view_stmt = select(create_view.table).where(create_view.table.c.user_id > 5)
print(view_stmt)
with engine.begin() as connection:
    print(connection.execute(create_view))

create_view = CreateView(select_stmt, "active_users", metadata=metadata_obj)
metadata_obj.create_all(engine)
create_view.table.drop(engine)

# Create a view with OR REPLACE
stmt = CreateView(
    select(user.c.user_id, user.c.user_name),
    "user_snapshot",
    or_replace=True,
)
print(stmt)
stmt = CreateView(
    select(user.c.user_id, user.c.user_name),
    "user_snapshot",
    sqlite_if_not_exists=True,
)
print(stmt)
stmt.table.create(engine)
stmt = CreateView(
    select(user.c.user_id, user.c.user_name),
    "user_snapshot",
    materialized=True,
)
print(stmt)
