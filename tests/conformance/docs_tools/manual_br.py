import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/basic_relationships.rst, section "%s"'
HEAD = '''from typing import List
from typing import Optional
from typing import Set

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

'''
ENG = '''

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
'''
AD = "the doc's mapping on a DeclarativeBase and \"sqlite://\"; a few objects are persisted and loaded back to show the relationship at work"
O2M = '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_table.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")
'''
USE_O2M = '''
p = Parent(children=[Child(), Child()])
session.add(p)
session.commit()
c = session.get(Child, 2)
print(c.parent is p, [child.id for child in p.children])
c.parent = None
print([child.id for child in p.children])
session.rollback()
print([child.id for child in p.children])
'''
cases = {
"declarative_vs_imperative_forms": ("Declarative vs. Imperative Forms", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id = mapped_column(Integer, primary_key=True)
    children = relationship("Child", back_populates="parent")


class Child(Base):
    __tablename__ = "child_table"

    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(ForeignKey("parent_table.id"))
    parent = relationship("Parent", back_populates="children")
''' + ENG + USE_O2M),
"declarative_vs_imperative_forms_imperative": ("Declarative vs. Imperative Forms", '''from sqlalchemy import Column
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
'''),
"one_to_many": ("One To Many", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship()


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_table.id"))
''' + ENG + '''
p = Parent(children=[Child(), Child()])
session.add(p)
session.commit()
print([c.id for c in p.children])
'''),
"one_to_many_bidirectional": ("One To Many", HEAD + O2M + ENG + USE_O2M),
"using_sets_lists_or_other_collection": ("Using Sets, Lists, or other Collection Types for One To Many", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[Set["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_table.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")
''' + ENG + '''
c1, c2 = Child(), Child()
p = Parent()
p.children.add(c1)
p.children.add(c2)
p.children.add(c1)
print(type(p.children).__name__, len(p.children))
session.add(p)
session.commit()
print(sorted(c.id for c in p.children))
'''),
"many_to_one": ("Many To One", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child_table.id"))
    child: Mapped["Child"] = relationship(back_populates="parents")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[List["Parent"]] = relationship(back_populates="child")
''' + ENG + '''
c = Child()
p1, p2 = Parent(child=c), Parent(child=c)
print(c.parents == [p1, p2])
session.add(c)
session.commit()
print(p1.child_id, p2.child_id)
'''),
"nullable_many_to_one": ("Nullable Many-to-One", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
from typing import Optional


class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[Optional[int]] = mapped_column(ForeignKey("child_table.id"))
    child: Mapped[Optional["Child"]] = relationship(back_populates="parents")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[List["Parent"]] = relationship(back_populates="child")
''' + ENG + '''
p = Parent()
session.add(p)
session.commit()
print(p.child, p.child_id)
p.child = Child()
session.commit()
print(p.child_id)
'''),
"one_to_one": ("One To One", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    child: Mapped["Child"] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_table.id"))
    parent: Mapped["Parent"] = relationship(back_populates="child")
''' + ENG + '''
p = Parent(child=Child())
session.add(p)
session.commit()
print(p.child.parent is p, p.child.id)
'''),
"setting_uselist_false_for_non_annotated": ("Setting uselist=False for non-annotated configurations", HEAD + '''
# --- doc/build/orm/basic_relationships.rst ---
class Parent(Base):
    __tablename__ = "parent_table"

    id = mapped_column(Integer, primary_key=True)
    child = relationship("Child", uselist=False, back_populates="parent")


class Child(Base):
    __tablename__ = "child_table"

    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(ForeignKey("parent_table.id"))
    parent = relationship("Parent", back_populates="child")
''' + ENG + '''
p = Parent()
print(p.child)
p.child = Child()
session.add(p)
session.commit()
print(p.child.id, p.child.parent_id)
'''),
"many_to_many": ("Many To Many", '''from typing import List

# --- doc/build/orm/basic_relationships.rst ---
from sqlalchemy import Column
from sqlalchemy import Table
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


# note for a Core table, we use the sqlalchemy.Column construct,
# not sqlalchemy.orm.mapped_column
association_table = Table(
    "association_table",
    Base.metadata,
    Column("left_id", ForeignKey("left_table.id")),
    Column("right_id", ForeignKey("right_table.id")),
)


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(secondary=association_table)


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)


from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
c1, c2, c3 = Child(), Child(), Child()
p1 = Parent(children=[c1, c2])
session.add(p1)
session.commit()  # one parent's association rows per flush: several are flushed in no fixed order
p2 = Parent(children=[c2, c3])
session.add(p2)
session.commit()
print([c.id for c in p1.children], [c.id for c in p2.children])
'''),
"setting_bi_directional_many_to_many": ("Setting Bi-Directional Many-to-many", '''from typing import List

# --- doc/build/orm/basic_relationships.rst ---
from sqlalchemy import Column
from sqlalchemy import Table
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


association_table = Table(
    "association_table",
    Base.metadata,
    Column("left_id", ForeignKey("left_table.id"), primary_key=True),
    Column("right_id", ForeignKey("right_table.id"), primary_key=True),
)


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(
        secondary=association_table, back_populates="parents"
    )


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[List["Parent"]] = relationship(
        secondary=association_table, back_populates="children"
    )


from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
c1, c2 = Child(), Child()
p1 = Parent(children=[c1])
session.add(p1)
# one association row per flush: with both sides mapped, several rows go out in no fixed order
session.commit()
p1.children.append(c2)
session.commit()
p2 = Parent()
c2.parents.append(p2)
print(len(c2.parents), len(p2.children))
session.add(p2)
session.commit()
print([p.id for p in c2.parents])

# --- "Deleting Rows from the Many to Many Table" ---
myparent, somechild = p1, c1
# row will be deleted from the "secondary" table
# automatically
myparent.children.remove(somechild)
session.flush()
session.delete(somechild)
session.commit()
print([c.id for c in p1.children], [c.id for c in p2.children])
'''),
"association_object": ("Association Object", '''from typing import List

# --- doc/build/orm/basic_relationships.rst ---
from typing import Optional

from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


class Association(Base):
    __tablename__ = "association_table"
    left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
    right_id: Mapped[int] = mapped_column(
        ForeignKey("right_table.id"), primary_key=True
    )
    extra_data: Mapped[Optional[str]]
    child: Mapped["Child"] = relationship(back_populates="parents")
    parent: Mapped["Parent"] = relationship(back_populates="children")


class Parent(Base):
    __tablename__ = "left_table"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Association"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "right_table"
    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[List["Association"]] = relationship(back_populates="child")


from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

# create parent, append a child via association
p = Parent()
a = Association(extra_data="some data")
a.child = Child()
p.children.append(a)

# iterate through child objects via association, including association
# attributes
for assoc in p.children:
    print(assoc.extra_data)
    print(type(assoc.child).__name__)

session.add(p)
session.commit()
for assoc in p.children:
    print(assoc.left_id, assoc.right_id, assoc.extra_data, assoc.child.id)
'''),
}
for k, (title, body) in cases.items():
    ad = AD
    if "many_to_many" in k:
        ad += "; the forward references are quoted instead of the doc's `from __future__ import annotations`"
    write("docs__orm_basic_relationships_" + k, SRC % title, ad, body)
print(len(cases))
