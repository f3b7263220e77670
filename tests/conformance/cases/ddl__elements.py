# DDL elements printed (the default dialect) and compiled for SQLite, executed on a
# connection; Table.create / drop with checkfirst, Index.create / drop, constraint order (one
# index per table: SQLAlchemy creates a table's indexes in set order).
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Boolean
from sqlalchemy import ForeignKey, UniqueConstraint, CheckConstraint, Index, select
from sqlalchemy.schema import CreateTable, DropTable, CreateIndex, DropIndex
from sqlalchemy.schema import AddConstraint, DropConstraint
from sqlalchemy.exc import OperationalError

engine = create_engine("sqlite://")
metadata = MetaData()
parent = Table("parent", metadata, Column("id", Integer, primary_key=True))
child = Table(
    "child",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("parent_id", Integer, ForeignKey("parent.id", onupdate="CASCADE", ondelete="SET NULL"), unique=True),
    Column("flag", Boolean(create_constraint=True)),
    Column("name", String(30)),
    CheckConstraint("id > 0", name="positive"),
    UniqueConstraint("name", "flag", name="uq_name_flag"),
)
print(CreateTable(child))
print(CreateTable(child).compile(engine))
print(repr(str(DropTable(child))))
ix = Index("ix_child_flag", child.c.flag, child.c.name, unique=True)
print(CreateIndex(ix))
print(DropIndex(ix))
uq = UniqueConstraint(child.c.name, name="uq_name")
print(AddConstraint(uq))
print(DropConstraint(uq))
print(sorted(i.name for i in child.indexes))
print(sorted(fk.target_fullname for fk in child.foreign_keys))

parent.create(engine)
parent.create(engine, checkfirst=True)
child.create(engine, checkfirst=True)
with engine.connect() as conn:
    conn.execute(CreateIndex(Index("ix_parent_id", parent.c.id)))
    try:
        conn.execute(AddConstraint(uq))
    except OperationalError as e:
        print("OperationalError")
    conn.commit()
ix.drop(engine)
ix.create(engine)
child.drop(engine)
child.drop(engine, checkfirst=True)
with engine.connect() as conn:
    metadata.create_all(conn, checkfirst=False, tables=[child])
    print(conn.execute(select(child)).all())
    conn.commit()
metadata.drop_all(engine)
