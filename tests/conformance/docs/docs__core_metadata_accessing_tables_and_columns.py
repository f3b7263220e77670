# source: doc/build/core/metadata.rst, section "Accessing Tables and Columns"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed; the page's user, user_preference, invoice and invoice_item tables filled in
from sqlalchemy import create_engine, select
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey

metadata_obj = MetaData()

user = Table(
    "user",
    metadata_obj,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(16), nullable=False),
    Column("email_address", String(60)),
    Column("nickname", String(50), nullable=False),
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
