import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
P = "doc/build/core/constraints.rst"
AD = "the page's examples are not doctested; its tables are created on a SQLite engine (the DDL is the run's SQL), with the names the page describes printed"
IMP = '''from sqlalchemy import create_engine
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, ForeignKey
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint, CheckConstraint, PrimaryKeyConstraint, Index
from sqlalchemy.schema import CreateTable

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()
'''
cases = {
"defining_foreign_keys": ("Defining Foreign Keys", IMP + '''
user = Table(
    "user",
    metadata_obj,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(16), nullable=False),
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
    Column("ref_num", Integer, primary_key=True),
    Column("description", String(60), nullable=False),
)
invoice_item = Table(
    "invoice_item",
    metadata_obj,
    Column("item_id", Integer, primary_key=True),
    Column("item_name", String(60), nullable=False),
    Column("invoice_id", Integer, nullable=False),
    Column("ref_num", Integer, nullable=False),
    ForeignKeyConstraint(
        ["invoice_id", "ref_num"], ["invoice.invoice_id", "invoice.ref_num"]
    ),
)
print(CreateTable(invoice_item))
metadata_obj.create_all(engine)
print(sorted(fk.target_fullname for fk in invoice_item.foreign_keys))
'''),
"creating_dropping_foreign_key_constraints_via_alter": ("Creating/Dropping Foreign Key Constraints via ALTER", IMP + '''
node = Table(
    "node",
    metadata_obj,
    Column("node_id", Integer, primary_key=True),
    Column("primary_element", Integer, ForeignKey("element.element_id")),
)
element = Table(
    "element",
    metadata_obj,
    Column("element_id", Integer, primary_key=True),
    Column("parent_node_id", Integer),
    ForeignKeyConstraint(
        ["parent_node_id"], ["node.node_id"], name="fk_element_parent_node_id"
    ),
)
with engine.connect() as conn:
    metadata_obj.create_all(conn, checkfirst=False)
with engine.connect() as conn:
    metadata_obj.drop_all(conn, checkfirst=False)
'''),
"on_update_and_on_delete": ("ON UPDATE and ON DELETE", IMP + '''
parent = Table("parent", metadata_obj, Column("id", Integer, primary_key=True))
revisions = Table(
    "revisions",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, primary_key=True),
)
child = Table(
    "child",
    metadata_obj,
    Column(
        "id",
        Integer,
        ForeignKey("parent.id", onupdate="CASCADE", ondelete="CASCADE"),
        primary_key=True,
    ),
)
composite = Table(
    "composite",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("rev_id", Integer),
    Column("note_id", Integer),
    ForeignKeyConstraint(
        ["rev_id", "note_id"],
        ["revisions.id", "revisions.note_id"],
        onupdate="CASCADE",
        ondelete="SET NULL",
    ),
)
metadata_obj.create_all(engine)
'''),
"unique_constraint": ("UNIQUE Constraint", IMP + '''
mytable = Table(
    "mytable",
    metadata_obj,
    # per-column anonymous unique constraint
    Column("col1", Integer, unique=True),
    Column("col2", Integer),
    Column("col3", Integer),
    # explicit/composite unique constraint.  'name' is optional.
    UniqueConstraint("col2", "col3", name="uix_1"),
)
mytable.create(engine)
'''),
"check_constraint": ("CHECK Constraint", IMP + '''
mytable = Table(
    "mytable",
    metadata_obj,
    # per-column CHECK constraint
    Column("col1", Integer, CheckConstraint("col1>5")),
    Column("col2", Integer),
    Column("col3", Integer),
    # table level CHECK constraint.  'name' is optional.
    CheckConstraint("col2 > col3 + 5", name="check1"),
)

mytable.create(engine)
'''),
"primary_key_constraint": ("PRIMARY KEY Constraint", IMP + '''
my_table = Table(
    "mytable",
    metadata_obj,
    Column("id", Integer),
    Column("version_id", Integer),
    Column("data", String(50)),
    PrimaryKeyConstraint("id", "version_id", name="mytable_pk"),
)
my_table.create(engine)
print(my_table.primary_key.name, list(my_table.primary_key.columns.keys()))
'''),
"configuring_a_naming_convention_for_a_metadata": ("Configuring a Naming Convention for a MetaData Collection", IMP + '''
convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata_obj = MetaData(naming_convention=convention)
user_table = Table(
    "user",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(30), nullable=False),
    UniqueConstraint("name"),
)
print([c.name for c in user_table.constraints if isinstance(c, UniqueConstraint)])

metadata_obj = MetaData(naming_convention=convention)
user_table = Table(
    "user",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(30), nullable=False, unique=True),
)
print([c.name for c in user_table.constraints if isinstance(c, UniqueConstraint)])
address_table = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("user.id"), index=True),
    CheckConstraint("id > 0", name="positive_id"),
)
metadata_obj.create_all(engine)
'''),
"the_default_naming_convention": ("The Default Naming Convention", IMP + '''
from sqlalchemy.sql.schema import DEFAULT_NAMING_CONVENTION
print(DEFAULT_NAMING_CONVENTION)
'''),
"naming_check_constraints": ("Naming CHECK Constraints", IMP + '''from sqlalchemy import column

metadata_obj = MetaData(
    naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"}
)
Table(
    "foo",
    metadata_obj,
    Column("value", Integer),
    CheckConstraint("value > 5", name="value_gt_5"),
)
metadata_obj.create_all(engine)
metadata_obj.drop_all(engine)

metadata_obj = MetaData(naming_convention={"ck": "ck_%(table_name)s_%(column_0_name)s"})
foo = Table("foo", metadata_obj, Column("value", Integer))
CheckConstraint(foo.c.value > 5)
metadata_obj.create_all(engine)
metadata_obj.drop_all(engine)

metadata_obj = MetaData(naming_convention={"ck": "ck_%(table_name)s_%(column_0_name)s"})
foo = Table(
    "foo", metadata_obj, Column("value", Integer), CheckConstraint(column("value") > 5)
)
metadata_obj.create_all(engine)
'''),
"configuring_naming_for_boolean_enum_and_other": ("Configuring Naming for Boolean, Enum, and other schema types", IMP + '''
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
'''),
"indexes": ("Indexes", IMP + '''
# (table.indexes is a set, so a table with several indexes creates them in no fixed
# order; the page's extra indexes are created one by one after the table here)
mytable = Table(
    "mytable",
    metadata_obj,
    # an indexed column, with index "ix_mytable_col1"
    Column("col1", Integer, index=True),
    Column("col2", Integer),
    Column("col3", Integer),
    Column("col4", Integer),
    Column("col5", Integer),
    Column("col6", Integer),
)
mytable.create(engine)

# place an index on col3, col4
Index("idx_col34", mytable.c.col3, mytable.c.col4).create(engine)

# place a unique index on col5, col6
Index("myindex", mytable.c.col5, mytable.c.col6, unique=True).create(engine)

i = Index("someindex", mytable.c.col5)
i.create(engine)

metadata_obj = MetaData()
mytable2 = Table(
    "mytable2",
    metadata_obj,
    Column("col1", Integer),
    Column("col2", Integer),
    Column("col3", Integer),
    Column("col4", Integer),
    # place a unique index on col3, col4
    Index("idx_col34_2", "col3", "col4", unique=True),
)
metadata_obj.create_all(engine)

metadata_obj = MetaData()
mytable3 = Table(
    "mytable3",
    metadata_obj,
    # a uniquely indexed column with index "ix_mytable3_col2"
    Column("col2", Integer, index=True, unique=True),
)
metadata_obj.create_all(engine)
print(sorted(ix.name for ix in mytable.indexes))
print(sorted(ix.name for ix in mytable2.indexes))
'''),
}
for k, (title, body) in cases.items():
    write("docs__core_constraints_" + k, '%s, section "%s"' % (P, title), AD, body)
