# source: doc/build/core/metadata.rst, section "Creating and Dropping Database Tables"
# adapted: the page's examples are not doctested; its tables are created on a SQLite engine, with the values the page describes printed; the departments table the example's foreign key names is added
from sqlalchemy import create_engine, select
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey

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
