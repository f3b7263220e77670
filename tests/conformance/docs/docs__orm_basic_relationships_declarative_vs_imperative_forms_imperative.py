# source: doc/build/orm/basic_relationships.rst, section "Declarative vs. Imperative Forms"
# adapted: the doc's mapping on a DeclarativeBase and "sqlite://"; a few objects are persisted and loaded back to show the relationship at work
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy.orm import registry as registry_cls
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

registry = registry_cls()
parent_table = Table("parent_table", registry.metadata, Column("id", Integer, primary_key=True))
child_table = Table(
    "child_table",
    registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("parent_id", ForeignKey("parent_table.id")),
)


class Parent:
    pass


class Child:
    pass


# --- doc/build/orm/basic_relationships.rst ---
registry.map_imperatively(
    Parent,
    parent_table,
    properties={"children": relationship("Child", back_populates="parent")},
)

registry.map_imperatively(
    Child,
    child_table,
    properties={"parent": relationship("Parent", back_populates="children")},
)

engine = create_engine("sqlite://")
registry.metadata.create_all(engine)
session = Session(engine)
p = Parent()
p.children = [Child(), Child()]
session.add(p)
session.commit()
print([c.id for c in p.children], p.children[0].parent is p)
