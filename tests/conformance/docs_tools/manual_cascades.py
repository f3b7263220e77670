import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/cascades.rst, section "%s"'
def fix(addresses='relationship("Address", back_populates="user")', extra=""):
    return '''from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50))
    addresses = %s
%s

class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    email_address = mapped_column(String(50))
    user_id = mapped_column(Integer, ForeignKey("user.id"))
    user = relationship("User", back_populates="addresses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(name="user1", addresses=[Address(email_address="a1@example.com"),
                                        Address(email_address="a2@example.com")]))
    s.commit()
''' % (addresses, extra)
AD = ("User/Address are mapped on \"user\" / \"address\" as the page's fragments describe (cascade "
      "as in the section); user 1 has two addresses; Session() without a bind stands for the page's "
      "unbound sessions and sess1/sess are Session(engine)")
cases = {
"save_update": ("save-update", fix() + '''
# --- doc/build/orm/cascades.rst ---
user1 = User()
address1, address2 = Address(), Address()
user1.addresses = [address1, address2]

sess = Session()
sess.add(user1)
print(address1 in sess)

address3 = Address()
user1.addresses.append(address3)
print(address3 in sess)

sess1 = Session(engine)
user1 = sess1.scalars(select(User).filter_by(id=1)).first()
address1 = user1.addresses[0]
sess1.close()  # user1, address1 no longer associated with sess1
user1.addresses.remove(address1)  # address1 no longer associated with user1
sess2 = Session()
sess2.add(user1)  # ... but it still gets added to the new session,
print(address1 in sess2)  # because it's still "pending" for flush
'''),
"behavior_of_save_update_cascade_with": ("Behavior of save-update cascade with bi-directional relationships", '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy.orm import registry
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

mapper_registry = registry()
order_table = Table("order", mapper_registry.metadata, Column("id", Integer, primary_key=True))
item_table = Table(
    "item",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("order.id")),
)


class Order:
    pass


class Item:
    pass


# --- doc/build/orm/cascades.rst ---
mapper_registry.map_imperatively(
    Order,
    order_table,
    properties={"items": relationship(Item, back_populates="order")},
)

mapper_registry.map_imperatively(
    Item,
    item_table,
    properties={"order": relationship(Order, back_populates="items")},
)

engine = create_engine("sqlite://")
mapper_registry.metadata.create_all(engine)
session = Session(engine)

o1 = Order()
session.add(o1)
print(o1 in session)

i1 = Item()
o1.items.append(i1)
print(o1 is i1.order)
print(i1 in session)

o1 = Order()
session.add(o1)
print(o1 in session)

i1 = Item()
i1.order = o1
print(i1 in o1.items)
print(i1 in session)

session.add(i1)
session.commit()
'''),
"delete": ("delete", fix('relationship("Address", back_populates="user", cascade="all, delete")') + '''
# --- doc/build/orm/cascades.rst ---
sess1 = sess = Session(engine)
user1 = sess1.scalars(select(User).filter_by(id=1)).first()
address1, address2 = user1.addresses

sess.delete(user1)
sess.commit()
'''),
"delete_without_cascade": ("delete", fix() + '''
# --- doc/build/orm/cascades.rst (the relationship without delete cascade) ---
sess1 = sess = Session(engine)
user1 = sess1.scalars(select(User).filter_by(id=1)).first()
address1, address2 = user1.addresses

sess.delete(user1)
sess.commit()
'''),
"using_delete_cascade_with_many_to_many": ("Using delete cascade with many-to-many relationships", '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/cascades.rst ---
association_table = Table(
    "association",
    Base.metadata,
    Column("left_id", Integer, ForeignKey("left.id")),
    Column("right_id", Integer, ForeignKey("right.id")),
)


class Parent(Base):
    __tablename__ = "left"
    id = mapped_column(Integer, primary_key=True)
    children = relationship(
        "Child",
        secondary=association_table,
        back_populates="parents",
        cascade="all, delete",
    )


class Child(Base):
    __tablename__ = "right"
    id = mapped_column(Integer, primary_key=True)
    parents = relationship(
        "Parent",
        secondary=association_table,
        back_populates="children",
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
p1, p2 = Parent(), Parent()
c1, c2 = Child(), Child()
# one child, of p1 only, cascaded from p1, and one parent's association rows per flush (the
# unit of work handles the rows of several parents, and several children, in no fixed order)
p1.children = [c1]
session.add(p1)
session.commit()
p2.children = [c2]
session.add(p2)
session.commit()
session.delete(p1)
session.commit()
'''),
"using_foreign_key_on_delete_cascade": ("Using foreign key ON DELETE cascade with ORM relationships", '''from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/dialects/sqlite.rst: "Foreign Key Support" (SQLite enforces the constraint) ---
@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# --- doc/build/orm/cascades.rst ---
class Parent(Base):
    __tablename__ = "parent"
    id = mapped_column(Integer, primary_key=True)
    children = relationship(
        "Child",
        back_populates="parent",
        cascade="all, delete",
        passive_deletes=True,
    )


class Child(Base):
    __tablename__ = "child"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("parent.id", ondelete="CASCADE"))
    parent = relationship("Parent", back_populates="children")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([Parent(id=1, children=[Child(), Child()]), Parent(id=2, children=[Child()])])
session.commit()
p1 = session.get(Parent, 1)
session.delete(p1)
session.commit()
p2 = session.get(Parent, 2)
print(len(p2.children))
session.delete(p2)
session.commit()
'''),
"using_foreign_key_on_delete_with": ("Using foreign key ON DELETE with many-to-many relationships", '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/dialects/sqlite.rst: "Foreign Key Support" (SQLite enforces the constraint) ---
@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# --- doc/build/orm/cascades.rst ---
association_table = Table(
    "association",
    Base.metadata,
    Column("left_id", Integer, ForeignKey("left.id", ondelete="CASCADE")),
    Column("right_id", Integer, ForeignKey("right.id", ondelete="CASCADE")),
)


class Parent(Base):
    __tablename__ = "left"
    id = mapped_column(Integer, primary_key=True)
    children = relationship(
        "Child",
        secondary=association_table,
        back_populates="parents",
        cascade="all, delete",
    )


class Child(Base):
    __tablename__ = "right"
    id = mapped_column(Integer, primary_key=True)
    parents = relationship(
        "Parent",
        secondary=association_table,
        back_populates="children",
        passive_deletes=True,
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
p1, p2 = Parent(), Parent()
c1, c2 = Child(), Child()
# one child, of p1 only, cascaded from p1, and one parent's association rows per flush (the
# unit of work handles the rows of several parents, and several children, in no fixed order)
p1.children = [c1]
session.add(p1)
session.commit()
p2.children = [c2]
session.add(p2)
session.commit()
session.delete(p1)
session.commit()
'''),
"delete_orphan": ("delete-orphan", fix('relationship("Address", back_populates="user", cascade="all, delete-orphan")') + '''
session = Session(engine)
user = session.get(User, 1)

# --- doc/build/orm/cascades.rst ---
del user.addresses[1]
session.flush()
session.commit()
'''),
"delete_orphan_single_parent": ("delete-orphan", fix(extra='''    preference_id = mapped_column(Integer, ForeignKey("preference.id"))
    preference = relationship(
        "Preference", cascade="all, delete-orphan", single_parent=True
    )


class Preference(Base):
    __tablename__ = "preference"

    id = mapped_column(Integer, primary_key=True)
''').replace("with Session(engine) as s:\n    s.add(User(name=\"user1\",", "with Session(engine) as s:\n    s.add(User(name=\"user1\", preference=Preference(),") + '''
session = Session(engine)
some_user = session.get(User, 1)

# --- doc/build/orm/cascades.rst ---
some_user.preference = None
session.flush()  # will delete the Preference object
session.commit()
'''),
"notes_on_delete_deleting_objects_referenced": ("Notes on Delete - Deleting Objects Referenced from Collections and Scalar Relationships", fix() + '''
session = Session(engine)
user = session.get(User, 1)

# --- doc/build/orm/cascades.rst ---
address = user.addresses[1]
session.delete(address)
session.flush()
print(address in user.addresses)
session.commit()
print(address in user.addresses)
'''),
}
for k, (title, body) in cases.items():
    write("docs__orm_cascades_" + k, SRC % title, AD, body)
print(len(cases))
