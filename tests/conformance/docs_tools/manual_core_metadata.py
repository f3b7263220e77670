import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
P = "doc/build/core/metadata.rst"
AD = "the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed"
IMPORTS = '''from sqlalchemy import create_engine, select
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey
'''
USER = '''
metadata_obj = MetaData()

user = Table(
    "user",
    metadata_obj,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(16), nullable=False),
    Column("email_address", String(60)),
    Column("nickname", String(50), nullable=False),
)
'''
cases = {
"accessing_tables_and_columns": ("Accessing Tables and Columns", "the page's user, user_preference, invoice and invoice_item tables filled in", IMPORTS + USER + '''
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
    Column("user_id", Integer, ForeignKey("user.user_id")),
)
invoice_item = Table(
    "invoice_item",
    metadata_obj,
    Column("item_id", Integer, primary_key=True),
    Column("invoice_id", Integer, ForeignKey("invoice.invoice_id")),
)

for t in metadata_obj.sorted_tables:
    print(t.name)

departments = Table(
    "departments",
    metadata_obj,
    Column("department_id", Integer, primary_key=True),
)
employees = Table(
    "employees",
    metadata_obj,
    Column("employee_id", Integer, primary_key=True),
    Column("employee_name", String(60), nullable=False),
    Column("employee_dept", Integer, ForeignKey("departments.department_id")),
)

# access the column "employee_id":
print(employees.columns.employee_id)

# or just
print(employees.c.employee_id)

# via string
print(employees.c["employee_id"])

# a tuple of columns may be returned using multiple strings
emp_id, name = employees.c["employee_id", "employee_name"]
print(emp_id, name)

# iterate through all columns
for c in employees.c:
    print(c)

# get the table's primary key columns
for primary_key in employees.primary_key:
    print(primary_key)

# get the table's foreign key objects:
for fkey in employees.foreign_keys:
    print(fkey)

# access the table's MetaData:
print(employees.metadata is metadata_obj)

# access a column's name, type, nullable, primary key, foreign key
print(employees.c.employee_id.name)
print(employees.c.employee_id.type)
print(employees.c.employee_id.nullable)
print(employees.c.employee_id.primary_key)
print(employees.c.employee_dept.foreign_keys)

# get the "key" of a column, which defaults to its name, but can
# be any user-defined string:
print(employees.c.employee_name.key)

# access a column's table:
print(employees.c.employee_id.table is employees)

# get the table related by a foreign key
print(list(employees.c.employee_dept.foreign_keys)[0].column.table)
'''),
"creating_and_dropping_database_tables": ("Creating and Dropping Database Tables", "the departments table the example's foreign key names is added", IMPORTS + '''
engine = create_engine("sqlite:///:memory:")

metadata_obj = MetaData()

user = Table(
    "user",
    metadata_obj,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(16), nullable=False),
    Column("email_address", String(60), key="email"),
    Column("nickname", String(50), nullable=False),
)

user_prefs = Table(
    "user_prefs",
    metadata_obj,
    Column("pref_id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.user_id"), nullable=False),
    Column("pref_name", String(40), nullable=False),
    Column("pref_value", String(100)),
)

metadata_obj.create_all(engine)

engine = create_engine("sqlite:///:memory:")

metadata_obj = MetaData()

departments = Table(
    "departments",
    metadata_obj,
    Column("department_id", Integer, primary_key=True),
)
employees = Table(
    "employees",
    metadata_obj,
    Column("employee_id", Integer, primary_key=True),
    Column("employee_name", String(60), nullable=False, key="name"),
    Column("employee_dept", Integer, ForeignKey("departments.department_id")),
)
employees.create(engine)
employees.drop(engine)

employees.create(engine, checkfirst=True)
employees.drop(engine, checkfirst=False)
employees.create(engine, checkfirst=True)
employees.create(engine, checkfirst=True)
print(employees.c.name)
'''),
"specifying_the_schema_name": ("Specifying the Schema Name", "none", IMPORTS + '''
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
'''),
"specifying_a_default_schema_name_with_metadata": ("Specifying a Default Schema Name with MetaData", "the two alternatives each on their own MetaData", IMPORTS + '''from sqlalchemy import BLANK_SCHEMA

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
'''),
}
VIEW_SETUP = IMPORTS + '''
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
'''
cases["using_createview"] = ("Using CreateView", "the page's user table with the status column its SELECT uses, created on SQLite", VIEW_SETUP + '''
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
''')
cases["using_createtableas_or_select_into"] = ("Using CreateTableAs or Select.into", "the page's user table created on SQLite", VIEW_SETUP + '''
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
''')
for k, (title, filled, body) in cases.items():
    ad = AD + ("; " + filled if filled != "none" else "")
    write("docs__core_metadata_" + k, '%s, section "%s"' % (P, title), ad, body)
