# source: doc/build/core/metadata.rst, section "Using CreateTableAs or Select.into"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed; the page's user table created on SQLite
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

from sqlalchemy import select, CreateTableAs
select_stmt = select(user.c.user_id, user.c.user_name).where(
    user.c.user_name.like("sponge%")
)
create_table_as = CreateTableAs(select_stmt, "spongebob_users")
create_table_as = select_stmt.into("spongebob_users")
print(create_table_as)
ctas_stmt = select(create_table_as.table).where(create_table_as.table.c.user_id > 5)
print(ctas_stmt)
with engine.begin() as connection:
    connection.execute(create_table_as)

create_table_as = CreateTableAs(select_stmt, "spongebob_users", metadata=metadata_obj)
metadata_obj.create_all(engine)
create_table_as.table.drop(engine)
stmt = select(user.c.user_id, user.c.user_name).into(
    "temp_snapshot", temporary=True, if_not_exists=True
)
print(stmt)
stmt.table.create(engine)
