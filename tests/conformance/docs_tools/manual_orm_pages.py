"""Adapted cases of more ORM pages (issue 22): backref, relationship_persistence, contextual,
collection_api, mapping_styles, session_events / events, persistence_techniques,
declarative_tables, nonstandard_mappings."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *

ENGINE = '\nengine = create_engine("sqlite://", echo=True)\nBase.metadata.create_all(engine)\n'

CASES = []


def case(page, key, title, adapted, body):
    CASES.append(("docs__orm_%s_%s" % (page, key),
                  'doc/build/orm/%s.rst, section "%s"' % (page, title), adapted, body))


# ---------------------------------------------------------------- backref.rst
BR_HEAD = '''from sqlalchemy import create_engine
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, relationship
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

# --- doc/build/orm/backref.rst ---
class Base(DeclarativeBase):
    pass
'''
case("backref", "using_the_legacy_backref", "Using the legacy 'backref' relationship parameter",
     "the page's mapping (mapped_column imported), then an engine, a User with an Address "
     "appended through the collection, printed through the generated Address.user, flushed and queried",
     BR_HEAD + '''

class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)

    addresses = relationship("Address", backref="user")


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)
    user_id = mapped_column(Integer, ForeignKey("user.id"))
''' + ENGINE + '''
u1 = User(name="u1")
a1 = Address(email="a1@example.com")
u1.addresses.append(a1)
print(a1.user is u1)
a2 = Address(email="a2@example.com", user=u1)
print(len(u1.addresses), u1.addresses[1] is a2)
with Session(engine) as session:
    session.add(u1)
    session.commit()
    a = session.scalars(select(Address).where(Address.email == "a2@example.com")).one()
    print(a.user.name, [x.email for x in a.user.addresses])
''')
case("backref", "backref_default_arguments", "Backref Default Arguments",
     "the page's mapping (mapped_column imported); the two printed primaryjoins as shown, then a flush and a lazy load through each side",
     BR_HEAD + '''

class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)

    addresses = relationship(
        "Address",
        primaryjoin=(
            "and_(User.id==Address.user_id, Address.email.startswith('tony'))"
        ),
        backref="user",
    )


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)
    user_id = mapped_column(Integer, ForeignKey("user.id"))


print(User.addresses.property.primaryjoin)
print(Address.user.property.primaryjoin)
''' + ENGINE + '''
with Session(engine) as session:
    session.add(User(name="u1", addresses=[Address(email="tony@example.com")]))
    session.commit()
    u = session.scalars(select(User)).one()
    print([a.email for a in u.addresses])
    a = session.scalars(select(Address)).one()
    print(a.user.name)
''')
case("backref", "specifying_backref_arguments", "Specifying Backref Arguments",
     "the page's mapping with its Address class from the first example (mapped_column imported), then rows and a query against Address",
     BR_HEAD.replace("from sqlalchemy.orm import Session\n", "from sqlalchemy.orm import Session\nfrom sqlalchemy.orm import backref\n") + '''

class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)

    addresses = relationship(
        "Address",
        backref=backref("user", lazy="joined"),
    )


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)
    user_id = mapped_column(Integer, ForeignKey("user.id"))
''' + ENGINE + '''
with Session(engine) as session:
    session.add(User(name="u1", addresses=[Address(email="a1"), Address(email="a2")]))
    session.commit()
with Session(engine) as session:
    for a in session.scalars(select(Address)).unique():
        print(a.email, a.user.name)
''')

# ---------------------------------------------------- relationship_persistence.rst
RP_HEAD = '''from sqlalchemy import create_engine
from sqlalchemy import Integer, ForeignKey, String
from sqlalchemy import select
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/relationship_persistence.rst ---
class Base(DeclarativeBase):
    pass
'''
case("relationship_persistence", "rows_that_point_to_themselves", "Rows that point to themselves / Mutually Dependent Rows",
     "the page's mapping (String imported), an engine and `session = Session(engine)`; then the page's flush, and a delete of the widget",
     RP_HEAD + '''

class Entry(Base):
    __tablename__ = "entry"
    entry_id = mapped_column(Integer, primary_key=True)
    widget_id = mapped_column(Integer, ForeignKey("widget.widget_id"))
    name = mapped_column(String(50))


class Widget(Base):
    __tablename__ = "widget"

    widget_id = mapped_column(Integer, primary_key=True)
    favorite_entry_id = mapped_column(
        Integer, ForeignKey("entry.entry_id", name="fk_favorite_entry")
    )
    name = mapped_column(String(50))

    entries = relationship(Entry, primaryjoin=widget_id == Entry.widget_id)
    favorite_entry = relationship(
        Entry, primaryjoin=favorite_entry_id == Entry.entry_id, post_update=True
    )
''' + ENGINE + '''session = Session(engine)

w1 = Widget(name="somewidget")
e1 = Entry(name="someentry")
w1.favorite_entry = e1
w1.entries = [e1]
session.add_all([w1, e1])
session.commit()

print(session.scalars(select(Widget)).one().favorite_entry.name)
session.delete(w1)
session.commit()
print(session.execute(select(Entry.entry_id, Entry.widget_id)).all())
''')
case("relationship_persistence", "rows_that_point_to_themselves_2", "Rows that point to themselves / Mutually Dependent Rows",
     "the page's second (composite foreign key) mapping, an engine and `session = Session(engine)`; then the first example's flush",
     RP_HEAD.replace("from sqlalchemy import Integer, ForeignKey, String\n", "from sqlalchemy import (\n    Integer,\n    ForeignKey,\n    String,\n    UniqueConstraint,\n    ForeignKeyConstraint,\n)\n") + '''

class Entry(Base):
    __tablename__ = "entry"
    entry_id = mapped_column(Integer, primary_key=True)
    widget_id = mapped_column(Integer, ForeignKey("widget.widget_id"))
    name = mapped_column(String(50))
    __table_args__ = (UniqueConstraint("entry_id", "widget_id"),)


class Widget(Base):
    __tablename__ = "widget"

    widget_id = mapped_column(Integer, autoincrement="ignore_fk", primary_key=True)
    favorite_entry_id = mapped_column(Integer)

    name = mapped_column(String(50))

    __table_args__ = (
        ForeignKeyConstraint(
            ["widget_id", "favorite_entry_id"],
            ["entry.widget_id", "entry.entry_id"],
            name="fk_favorite_entry",
        ),
    )

    entries = relationship(
        Entry, primaryjoin=widget_id == Entry.widget_id, foreign_keys=Entry.widget_id
    )
    favorite_entry = relationship(
        Entry,
        primaryjoin=favorite_entry_id == Entry.entry_id,
        foreign_keys=favorite_entry_id,
        post_update=True,
    )
''' + ENGINE + '''session = Session(engine)

w1 = Widget(name="somewidget")
e1 = Entry(name="someentry")
w1.favorite_entry = e1
w1.entries = [e1]
session.add_all([w1, e1])
session.commit()
print(session.execute(select(Widget.widget_id, Widget.favorite_entry_id)).all())
''')
case("relationship_persistence", "mutable_primary_keys_update_cascades", "Mutable Primary Keys / Update Cascades",
     "the page's mapping (imports, Base), an engine with SQLite's `PRAGMA foreign_keys=ON` set on connect as the page's sqlite_foreign_keys link describes; a user renamed and the address row read back",
     RP_HEAD.replace("from sqlalchemy import create_engine\n", "from sqlalchemy import create_engine\nfrom sqlalchemy import event\n") + '''

class User(Base):
    __tablename__ = "user"
    __table_args__ = {"mysql_engine": "InnoDB"}

    username = mapped_column(String(50), primary_key=True)
    fullname = mapped_column(String(100))

    addresses = relationship("Address")


class Address(Base):
    __tablename__ = "address"
    __table_args__ = {"mysql_engine": "InnoDB"}

    email = mapped_column(String(50), primary_key=True)
    username = mapped_column(
        String(50), ForeignKey("user.username", onupdate="cascade")
    )


engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(username="jack", fullname="Jack", addresses=[Address(email="jack@example.com")])
    session.add(u)
    session.commit()
    u.username = "ed"
    session.commit()
    print(session.execute(select(Address.email, Address.username)).all())
    print([a.username for a in u.addresses])
''')
case("relationship_persistence", "simulating_limited_on_update_cascade_without", "Simulating limited ON UPDATE CASCADE without foreign key support",
     "the page's mapping (imports, Base), an engine without the foreign key pragma; a user renamed and the address row read back",
     RP_HEAD + '''

class User(Base):
    __tablename__ = "user"

    username = mapped_column(String(50), primary_key=True)
    fullname = mapped_column(String(100))

    # passive_updates=False *only* needed if the database
    # does not implement ON UPDATE CASCADE
    addresses = relationship("Address", passive_updates=False)


class Address(Base):
    __tablename__ = "address"

    email = mapped_column(String(50), primary_key=True)
    username = mapped_column(String(50), ForeignKey("user.username"))
''' + ENGINE + '''
with Session(engine) as session:
    session.add(User(username="jack", fullname="Jack",
                     addresses=[Address(email="jack@example.com"), Address(email="j2@example.com")]))
    session.commit()
with Session(engine) as session:
    u = session.get(User, "jack")
    u.username = "ed"
    session.commit()
    print(session.execute(select(Address.email, Address.username).order_by(Address.email)).all())
''')

# ---------------------------------------------------------------- contextual.rst
CX_MODEL = '''from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import scoped_session
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "my_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[str] = mapped_column(String(30))

    def __repr__(self):
        return f"MyClass(id={self.id!r}, data={self.data!r})"


some_engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(some_engine)
'''
CX_AD = "`some_engine` is a SQLite engine with a small `MyClass` mapping (id, data) created on it"
case("contextual", "contextual_thread_local_sessions", "Contextual/Thread-local Sessions",
     CX_AD + "; the `>>>` examples, their shown values printed", CX_MODEL + '''
# --- doc/build/orm/contextual.rst ---
session_factory = sessionmaker(bind=some_engine)
Session = scoped_session(session_factory)
some_session = Session()
some_other_session = Session()
print(some_session is some_other_session)
Session.remove()
new_session = Session()
print(new_session is some_session)
''')
case("contextual", "implicit_method_access", "Implicit Method Access",
     CX_AD + "; `some_factory` is `sessionmaker(bind=some_engine)`, a row is added through the registry first",
     CX_MODEL + '''
some_factory = sessionmaker(bind=some_engine)

# --- doc/build/orm/contextual.rst ---
Session = scoped_session(some_factory)

Session.add(MyClass(data="d1"))
Session.commit()

# equivalent to:
#
# session = Session()
# print(session.scalars(select(MyClass)).all())
#
print(Session.scalars(select(MyClass)).all())
print(Session() is Session.registry())
Session.remove()
''')
case("contextual", "using_thread_local_scope_with_web_applications", "Using Thread-Local Scope with Web Applications",
     CX_AD + "; the diagram's calls run in order for two requests, `sessionmaker()` bound to `some_engine`",
     CX_MODEL + '''
# --- doc/build/orm/contextual.rst ---
Session = scoped_session(sessionmaker(bind=some_engine))

for n in range(2):
    Session()
    print(Session.execute(select(MyClass)).all())
    some_object = MyClass(data="request %d" % n)
    Session.add(some_object)
    Session.commit()
    Session.remove()

print(Session.scalars(select(MyClass.data)).all())
''')
case("contextual", "using_custom_created_scopes", "Using Custom Created Scopes",
     CX_AD + "; `my_web_framework` is stood for by a current-request variable and a request-end hook list",
     CX_MODEL + '''
class Request:
    pass


current = [None]
end_hooks = []


def get_current_request():
    return current[0]


def on_request_end(fn):
    end_hooks.append(fn)
    return fn


# --- doc/build/orm/contextual.rst ---
Session = scoped_session(sessionmaker(bind=some_engine), scopefunc=get_current_request)


@on_request_end
def remove_session(req):
    Session.remove()


r1, r2 = Request(), Request()
current[0] = r1
s1 = Session()
current[0] = r2
s2 = Session()
print(s1 is s2)
current[0] = r1
print(Session() is s1)
Session.add(MyClass(data="r1"))
Session.commit()
for hook in end_hooks:
    hook(r1)
print(Session() is s1)
print(Session.scalars(select(MyClass)).all())
''')

# ---------------------------------------------------------------- collection_api.rst
CA_HEAD = '''from typing import Dict
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import attribute_keyed_dict
from sqlalchemy.orm import column_keyed_dict
from sqlalchemy.orm import keyfunc_mapping
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/collection_api.rst ---
class Base(DeclarativeBase):
    pass
'''
case("collection_api", "customizing_collection_access", "Customizing Collection Access",
     "the page's list and set mappings (the page's `ForeignKey(\"parent.id\")` written as \"parent.parent_id\", the column the page maps); an engine, a parent with two children flushed and loaded back",
     CA_HEAD + '''

class Parent(Base):
    __tablename__ = "parent"

    parent_id: Mapped[int] = mapped_column(primary_key=True)

    # use a set
    children: Mapped[set["Child"]] = relationship()


class Child(Base):
    __tablename__ = "child"

    child_id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.parent_id"))
''' + ENGINE + '''
p = Parent()
c1, c2 = Child(), Child()
p.children.add(c1)
p.children.add(c2)
p.children.add(c1)
print(type(p.children).__name__, len(p.children))
with Session(engine) as session:
    session.add(p)
    session.commit()
    p = session.scalars(select(Parent)).one()
    print(type(p.children).__name__, sorted(c.child_id for c in p.children))
''')
case("collection_api", "customizing_collection_access_2", "Customizing Collection Access",
     "the page's non-annotated `collection_class=set` mapping (the foreign key as in the section's first case); an engine, a parent with children flushed and loaded back",
     CA_HEAD + '''

# non-annotated mapping


class Parent(Base):
    __tablename__ = "parent"

    parent_id = mapped_column(Integer, primary_key=True)

    children = relationship("Child", collection_class=set)


class Child(Base):
    __tablename__ = "child"

    child_id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(ForeignKey("parent.parent_id"))
''' + ENGINE + '''
with Session(engine) as session:
    session.add(Parent(children={Child(), Child(), Child()}))
    session.commit()
    p = session.scalars(select(Parent)).one()
    print(type(p.children).__name__, sorted(c.child_id for c in p.children))
''')
NOTE_MAP = '''

class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=attribute_keyed_dict("keyword"),
        cascade="all, delete-orphan",
    )


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    keyword: Mapped[str]
    text: Mapped[Optional[str]]

    def __init__(self, keyword: str, text: str):
        self.keyword = keyword
        self.text = text
'''
case("collection_api", "dictionary_collections", "Dictionary Collections",
     "the page's `attribute_keyed_dict(\"keyword\")` mapping; the dictionaries printed by key and text (Note has no repr), flushed and loaded back",
     CA_HEAD + NOTE_MAP + ENGINE + '''
item = Item()
item.notes["a"] = Note("a", "atext")
print({k: v.text for k, v in item.notes.items()})

item = Item()
item.notes = {
    "a": Note("a", "atext"),
    "b": Note("b", "btext"),
}
with Session(engine) as session:
    session.add(item)
    session.commit()
    item = session.scalars(select(Item)).one()
    print(sorted((k, v.text) for k, v in item.notes.items()))
    del item.notes["a"]
    session.commit()
    print(session.scalars(select(Note.keyword)).all())
''')
case("collection_api", "dictionary_collections_2", "Dictionary Collections",
     "the page's `note_key` property mapping; the dictionary printed by key",
     CA_HEAD + '''

class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=attribute_keyed_dict("note_key"),
        back_populates="item",
        cascade="all, delete-orphan",
    )


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    keyword: Mapped[str]
    text: Mapped[str]

    item: Mapped["Item"] = relationship(back_populates="notes")

    @property
    def note_key(self):
        return (self.keyword, self.text[0:10])

    def __init__(self, keyword: str, text: str):
        self.keyword = keyword
        self.text = text
''' + ENGINE + '''
item = Item()
n1 = Note("a", "atext")
n1.item = item
print(list(item.notes))
with Session(engine) as session:
    session.add(item)
    session.commit()
    print(list(session.scalars(select(Item)).one().notes))
''')
case("collection_api", "dictionary_collections_3", "Dictionary Collections",
     "the page's `column_keyed_dict(Note.__table__.c.keyword)` and `mapped_collection(...)` (spelled `keyfunc_mapping`, its 2.x name) mappings, Note declared first",
     CA_HEAD + '''

class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    other_item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("other_item.id"))
    keyword: Mapped[str]
    text: Mapped[Optional[str]]


class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=column_keyed_dict(Note.__table__.c.keyword),
        cascade="all, delete-orphan",
    )


class OtherItem(Base):
    __tablename__ = "other_item"

    id: Mapped[int] = mapped_column(primary_key=True)

    notes: Mapped[Dict[str, "Note"]] = relationship(
        collection_class=keyfunc_mapping(lambda note: note.text[0:10]),
        cascade="all, delete-orphan",
    )
''' + ENGINE + '''
with Session(engine) as session:
    item = Item(notes={"k1": Note(keyword="k1", text="first text here")})
    session.add(item)
    session.commit()
    print({k: v.text for k, v in session.scalars(select(Item)).one().notes.items()})
    other = OtherItem()
    n = Note(keyword="k2", text="a long text value")
    n.item_id = item.id
    other.notes.set(n)
    session.add(other)
    session.commit()
    print(list(session.scalars(select(OtherItem)).one().notes))
''')
AB_MAP = '''

class A(Base):
    __tablename__ = "a"

    id: Mapped[int] = mapped_column(primary_key=True)
    bs: Mapped[Dict[str, "B"]] = relationship(
        collection_class=attribute_keyed_dict("data"),
        back_populates="a",
    )


class B(Base):
    __tablename__ = "b"

    id: Mapped[int] = mapped_column(primary_key=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("a.id"))
    data: Mapped[str]

    a: Mapped["A"] = relationship(back_populates="bs")
'''
case("collection_api", "dealing_with_key_mutations_and_back_populating", "Dealing with Key Mutations and back-populating for Dictionary collections",
     "the page's A/B mapping; the dictionaries printed by their keys (B has no repr); B is made with its key first (SQLAlchemy 2.1 raises for the page's `B(a=a1)`: the dictionary key is not populated) and the key then changed",
     CA_HEAD + AB_MAP + '''
a1 = A()
b1 = B(data="the key", a=a1)
print(list(a1.bs))
b1.data = "the new key"
print(list(a1.bs))
''')
case("collection_api", "dealing_with_key_mutations_and_back_populating_2", "Dealing with Key Mutations and back-populating for Dictionary collections",
     "the page's A/B mapping and its `set` listener; the dictionary printed by its keys; B is made with its key first (SQLAlchemy 2.1 raises for `B(a=a1)`) and the key then changed",
     CA_HEAD.replace("from sqlalchemy import select\n", "from sqlalchemy import event\nfrom sqlalchemy import select\nfrom sqlalchemy.orm import attributes\n") + AB_MAP + '''

@event.listens_for(B.data, "set")
def set_item(obj, value, previous, initiator):
    if obj.a is not None:
        previous = None if previous == attributes.NO_VALUE else previous
        obj.a.bs[value] = obj
        obj.a.bs.pop(previous)


a1 = A()
b1 = B(data="the key", a=a1)
print(list(a1.bs))
b1.data = "the new key"
print(list(a1.bs))
''')

# ---------------------------------------------------------------- persistence_techniques.rst
PT_HEAD = '''from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass
'''
case("persistence_techniques", "embedding_sql_insert_update_expressions_into", "Embedding SQL Insert/Update Expressions into a Flush",
     "SomeClass mapped with an id primary key, row 5 with value 10 inserted, `session = Session(engine)`; the value read back",
     PT_HEAD + '''

# --- doc/build/orm/persistence_techniques.rst ---
class SomeClass(Base):
    __tablename__ = "some_table"

    # ...
    id = mapped_column(Integer, primary_key=True)
    value = mapped_column(Integer)
''' + ENGINE + '''session = Session(engine)
session.add(SomeClass(id=5, value=10))
session.commit()

someobject = session.get(SomeClass, 5)

# set 'value' attribute to a SQL expression adding one
someobject.value = SomeClass.value + 1

# issues "UPDATE some_table SET value=value+1"
session.commit()
print(someobject.value)
''')
case("persistence_techniques", "embedding_sql_insert_update_expressions_into_2", "Embedding SQL Insert/Update Expressions into a Flush",
     "the PostgreSQL URL is \"sqlite://\"; `sql` is `from sqlalchemy import sql`; a second object added the same way and the rows read back",
     PT_HEAD.replace("from sqlalchemy import select\n", "from sqlalchemy import select\nfrom sqlalchemy import sql\n") + '''

# --- doc/build/orm/persistence_techniques.rst ---
class Foo(Base):
    __tablename__ = "foo"
    pk = mapped_column(Integer, primary_key=True)
    bar = mapped_column(Integer)


e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)

session = Session(e)

foo = Foo(pk=sql.select(sql.func.coalesce(sql.func.max(Foo.pk) + 1, 1)))
session.add(foo)
session.commit()

foo2 = Foo(pk=sql.select(sql.func.coalesce(sql.func.max(Foo.pk) + 1, 1)), bar=7)
session.add(foo2)
session.commit()
print(foo.pk, foo2.pk)
print(session.execute(select(Foo.pk, Foo.bar)).all())
''')
case("persistence_techniques", "using_sql_expressions_with_sessions", "Using SQL Expressions with Sessions",
     "`engine` is SQLite with a `mytable` Table (\"table\" of the text() statement spelled mytable) holding row 7; MyMappedClass maps it for the bind_arguments examples; the page's `session.connection(MyMappedClass)` is spelled with `bind_arguments={\"mapper\": ...}` (2.x takes no positional mapper); results printed",
     '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class MyMappedClass(Base):
    __tablename__ = "mytable"
    id = Column(Integer, primary_key=True)
    data = Column(String(30))


mytable = MyMappedClass.__table__
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(mytable.insert(), [{"id": 7, "data": "seven"}, {"id": 8, "data": "eight"}])

# --- doc/build/orm/persistence_techniques.rst ---
Session = sessionmaker(bind=engine)
session = Session()

# execute a string statement
result = session.execute(text("select * from mytable where id=:id"), {"id": 7})
print(result.all())

# execute a SQL expression construct
result = session.execute(select(mytable).where(mytable.c.id == 7))
print(result.all())

connection = session.connection()
print(connection.execute(text("select count(*) from mytable")).scalar())
session.close()

Session = sessionmaker()
session = Session(bind=engine)

# need to specify mapper or class when executing
result = session.execute(
    text("select * from mytable where id=:id"),
    {"id": 7},
    bind_arguments={"mapper": MyMappedClass},
)
print(result.all())

result = session.execute(
    select(mytable).where(mytable.c.id == 7), bind_arguments={"mapper": MyMappedClass}
)
print(result.all())

connection = session.connection(bind_arguments={"mapper": MyMappedClass})
print(connection.execute(text("select data from mytable where id=8")).scalar())
session.close()
''')
FN_AD = "an engine, the section's mapping created on it and `session = Session(engine)`; the row read back"
def forcing(mapping, body, n):
    case("persistence_techniques", "forcing_null_on_a_column_with_a_default" + ("" if n == 1 else "_%d" % n),
         "Forcing NULL on a column with a default", FN_AD, PT_HEAD.replace("from sqlalchemy import select\n", "from sqlalchemy import select\nfrom sqlalchemy import null\n" if "null()" in body else "from sqlalchemy import select\n") + "\n\n# --- doc/build/orm/persistence_techniques.rst ---\n" + mapping + ENGINE + "session = Session(engine)\n\n" + body + "print(session.execute(select(MyObject.id, MyObject.data)).all())\n")
M1 = '''class MyObject(Base):
    __tablename__ = "my_table"
    id = mapped_column(Integer, primary_key=True)
    data = mapped_column(String(50), nullable=True)
'''
M2 = M1.replace("nullable=True)", 'nullable=True, server_default="default")')
M3 = '''class MyObject(Base):
    __tablename__ = "my_table"
    id = mapped_column(Integer, primary_key=True)
    data = mapped_column(
        String(50).evaluates_none(),  # indicate that None should always be passed
        nullable=True,
        server_default="default",
    )
'''
forcing(M1, '''obj = MyObject(id=1)
session.add(obj)
session.commit()  # INSERT with the 'data' column omitted; the database
# itself will persist this as the NULL value
''', 1)
forcing(M2, '''obj = MyObject(id=1)
session.add(obj)
session.commit()  # INSERT with the 'data' column omitted; the database
# itself will persist this as the value 'default'
''', 2)
forcing(M2, '''obj = MyObject(id=1, data=None)
session.add(obj)
session.commit()  # INSERT with the 'data' column explicitly set to None;
# the ORM still omits it from the statement and the
# database will still persist this as the value 'default'
''', 3)
forcing(M2, '''obj = MyObject(id=1, data=null())
session.add(obj)
session.commit()  # INSERT with the 'data' column explicitly set as null();
# the ORM uses this directly, bypassing all client-
# and server-side defaults, and the database will
# persist this as the NULL value
''', 4)
forcing(M3, '''obj = MyObject(id=1, data=None)
session.add(obj)
session.commit()  # INSERT with the 'data' column explicitly set to None;
# the ORM uses this directly, bypassing all client-
# and server-side defaults, and the database will
# persist this as the NULL value
''', 5)
FD_HEAD = PT_HEAD.replace("from sqlalchemy import select\n", "from sqlalchemy import select\nfrom sqlalchemy import DateTime\nfrom sqlalchemy import FetchedValue\nfrom sqlalchemy import func\nfrom sqlalchemy import text\nfrom sqlalchemy.orm import Mapped\n")
case("persistence_techniques", "case_1_non_primary_key_returning_or", "Case 1: non primary key, RETURNING or equivalent is supported",
     "the section's mapping on SQLite, the trigger of its comment made a real SQLite trigger; the timestamp printed as its type",
     FD_HEAD + '''

# --- doc/build/orm/persistence_techniques.rst ---
class MyModel(Base):
    __tablename__ = "my_table"

    id = mapped_column(Integer, primary_key=True)

    # server-side SQL date function generates a new timestamp
    timestamp = mapped_column(DateTime(), server_default=func.now())

    # some other server-side function not named here, such as a trigger,
    # populates a value into this column during INSERT
    special_identifier = mapped_column(String(50), server_default=FetchedValue())

    # set eager defaults to True.  This is usually optional, as if the
    # backend supports RETURNING + insertmanyvalues, eager defaults
    # will take place regardless on INSERT
    __mapper_args__ = {"eager_defaults": True}
''' + ENGINE + '''with engine.begin() as conn:
    conn.execute(text(
        "CREATE TRIGGER t1 AFTER INSERT ON my_table BEGIN "
        "UPDATE my_table SET special_identifier = 'trig' || NEW.id WHERE id = NEW.id; END"
    ))
session = Session(engine)
m = MyModel()
session.add(m)
session.commit()
print(type(m.timestamp).__name__, m.special_identifier)
''')
case("persistence_techniques", "case_2_table_includes_trigger_generated_values", "Case 2: Table includes trigger-generated values which are not compatible with RETURNING",
     "the section's mapping on SQLite, the trigger of its comment made a real SQLite trigger; a row flushed and its identifier read",
     FD_HEAD + '''

# --- doc/build/orm/persistence_techniques.rst ---
class MyModel(Base):
    __tablename__ = "my_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[str] = mapped_column(String(50))

    # assume a database trigger populates a value into this column
    # during INSERT
    special_identifier = mapped_column(String(50), server_default=FetchedValue())

    # disable all use of RETURNING for the table
    __table_args__ = {"implicit_returning": False}
''' + ENGINE + '''with engine.begin() as conn:
    conn.execute(text(
        "CREATE TRIGGER t1 AFTER INSERT ON my_table BEGIN "
        "UPDATE my_table SET special_identifier = 'trig' || NEW.id WHERE id = NEW.id; END"
    ))
session = Session(engine)
m = MyModel(data="d")
session.add(m)
session.commit()
print(m.id, m.special_identifier)
''')
case("persistence_techniques", "case_3_non_primary_key_returning_or", "Case 3: non primary key, RETURNING or equivalent is not supported or not needed",
     "the section's mapping on SQLite, the trigger of its comment made a real SQLite trigger; the timestamp printed as its type",
     FD_HEAD + '''

# --- doc/build/orm/persistence_techniques.rst ---
class MyModel(Base):
    __tablename__ = "my_table"

    id = mapped_column(Integer, primary_key=True)
    timestamp = mapped_column(DateTime(), server_default=func.now())

    # assume a database trigger populates a value into this column
    # during INSERT
    special_identifier = mapped_column(String(50), server_default=FetchedValue())
''' + ENGINE + '''with engine.begin() as conn:
    conn.execute(text(
        "CREATE TRIGGER t1 AFTER INSERT ON my_table BEGIN "
        "UPDATE my_table SET special_identifier = 'trig' || NEW.id WHERE id = NEW.id; END"
    ))
session = Session(engine)
m = MyModel()
session.add(m)
session.commit()
print(type(m.timestamp).__name__, m.special_identifier)
''')
VP_MODEL = '''from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker
'''
case("persistence_techniques", "simple_vertical_partitioning", "Simple Vertical Partitioning",
     "the PostgreSQL URLs are \"sqlite://\"; User and Account are small mappings with their tables created on their engine; one row each added and read",
     VP_MODEL + '''

class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    balance: Mapped[int]


# --- doc/build/orm/persistence_techniques.rst ---
engine1 = create_engine("sqlite://", echo=True)
engine2 = create_engine("sqlite://", echo=True)

User.__table__.create(engine1)
Account.__table__.create(engine2)

Session = sessionmaker()

# bind User operations to engine 1, Account operations to engine 2
Session.configure(binds={User: engine1, Account: engine2})

session = Session()
session.add_all([User(name="u1"), Account(balance=100)])
session.commit()
print(session.scalars(select(User.name)).all(), session.scalars(select(Account.balance)).all())
print(session.get_bind(User) is engine1, session.get_bind(Account) is engine2)
''')
case("persistence_techniques", "simple_vertical_partitioning_2", "Simple Vertical Partitioning",
     "the two engines are \"sqlite://\"; the `...` class bodies are filled with small tables; each base's tables created on its engine; rows added and read",
     VP_MODEL + '''
# --- doc/build/orm/persistence_techniques.rst ---
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Session


class BaseA(DeclarativeBase):
    pass


class BaseB(DeclarativeBase):
    pass


class User(BaseA):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Address(BaseA):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class GameInfo(BaseB):
    __tablename__ = "game_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class GameStats(BaseB):
    __tablename__ = "game_stats"
    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("game_info.id"))


engine1 = create_engine("sqlite://", echo=True)
engine2 = create_engine("sqlite://", echo=True)
BaseA.metadata.create_all(engine1)
BaseB.metadata.create_all(engine2)

Session = sessionmaker()

# all User/Address operations will be on engine 1, all
# Game operations will be on engine 2
Session.configure(binds={BaseA: engine1, BaseB: engine2})

session = Session()
u = User(name="u1")
g = GameInfo(name="g1")
session.add_all([u, g])
session.flush()
session.add_all([Address(user_id=u.id), GameStats(game_id=g.id)])
session.commit()
print(session.scalars(select(User.name)).all(), session.scalars(select(GameInfo.name)).all())
print(session.get_bind(Address) is engine1, session.get_bind(GameStats) is engine2)
''')

# ---------------------------------------------------------------- session_events.rst
SE_MODEL = '''from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class MyEntity(Base):
    __tablename__ = "my_entity"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    public: Mapped[bool]

    def __repr__(self):
        return f"MyEntity(id={self.id!r}, name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with sessionmaker(engine)() as s:
    s.add_all([MyEntity(name="c", public=True), MyEntity(name="a", public=False),
               MyEntity(name="b", public=True)])
    s.commit()
'''
case("session_events", "basic_query_interception", "Basic Query Interception",
     "MyEntity is a small mapping (id, name, public) with three rows on a SQLite `engine`; the page's `statement.order_by` reads `orm_execute_state.statement.order_by`; a query run through the session",
     SE_MODEL + '''
# --- doc/build/orm/session_events.rst ---
Session = sessionmaker(engine)


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if orm_execute_state.is_select:
        # add populate_existing for all SELECT statements

        orm_execute_state.update_execution_options(populate_existing=True)

        # check if the SELECT is against a certain entity and add an
        # ORDER BY if so
        col_descriptions = orm_execute_state.statement.column_descriptions

        if col_descriptions[0]["entity"] is MyEntity:
            orm_execute_state.statement = orm_execute_state.statement.order_by(MyEntity.name)


with Session() as session:
    print(session.scalars(select(MyEntity)).all())
''')
case("session_events", "adding_global_where_on_criteria", "Adding global WHERE / ON criteria",
     "MyEntity is a small mapping (id, name, public) with three rows on a SQLite `engine`; the page's `with_loader_criteria(MyEntity.public == True)` given its entity argument, `with_loader_criteria(MyEntity, MyEntity.public == True)`; a query run through the session",
     SE_MODEL + '''
# --- doc/build/orm/session_events.rst ---
from sqlalchemy.orm import with_loader_criteria

Session = sessionmaker(engine)


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if (
        orm_execute_state.is_select
        and not orm_execute_state.is_column_load
        and not orm_execute_state.is_relationship_load
    ):
        orm_execute_state.statement = orm_execute_state.statement.options(
            with_loader_criteria(MyEntity, MyEntity.public == True)
        )


with Session() as session:
    print(session.scalars(select(MyEntity).order_by(MyEntity.id)).all())
''')
case("session_events", "adding_global_where_on_criteria_2", "Adding global WHERE / ON criteria",
     "the page's HasTimestamp classes on a DeclarativeBase (the second class's table named \"some_other_entity\", the page repeats \"some_entity\"); the clock is replaced: rows get fixed timestamps and `one_month_ago` is a fixed date (the page's `timedelta(months=1)` is not a valid argument); `Session = sessionmaker(engine)`; a query against each class",
     '''import datetime

from sqlalchemy import create_engine
from sqlalchemy import DateTime
from sqlalchemy import event
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm import with_loader_criteria


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/session_events.rst ---
class HasTimestamp:
    timestamp = mapped_column(DateTime, default=datetime.datetime.now)


class SomeEntity(HasTimestamp, Base):
    __tablename__ = "some_entity"

    id = mapped_column(Integer, primary_key=True)


class SomeOtherEntity(HasTimestamp, Base):
    __tablename__ = "some_other_entity"

    id = mapped_column(Integer, primary_key=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(engine)
with Session() as s:
    s.add_all([
        SomeEntity(id=1, timestamp=datetime.datetime(2020, 1, 1)),
        SomeEntity(id=2, timestamp=datetime.datetime(2020, 3, 1)),
        SomeOtherEntity(id=1, timestamp=datetime.datetime(2020, 3, 5)),
    ])
    s.commit()


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if (
        orm_execute_state.is_select
        and not orm_execute_state.is_column_load
        and not orm_execute_state.is_relationship_load
    ):
        one_month_ago = datetime.datetime(2020, 2, 1)

        orm_execute_state.statement = orm_execute_state.statement.options(
            with_loader_criteria(
                HasTimestamp,
                lambda cls: cls.timestamp >= one_month_ago,
                include_aliases=True,
            )
        )


with Session() as session:
    print([e.id for e in session.scalars(select(SomeEntity))])
    print([e.id for e in session.scalars(select(SomeOtherEntity))])
''')
case("session_events", "re_executing_statements", "Re-Executing Statements",
     "User is a small mapping (id, name) with rows on a SQLite engine, `Session = sessionmaker(engine)`; the cached statement run twice and its rows printed; the merged FrozenResult is called to give the Result (as the page's linked caching example does)",
     '''from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(engine)
with Session() as s:
    s.add_all([User(name="sandy"), User(name="patrick")])
    s.commit()

# --- doc/build/orm/session_events.rst ---
from sqlalchemy.orm import loading

cache = {}


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if "my_cache_key" in orm_execute_state.execution_options:
        cache_key = orm_execute_state.execution_options["my_cache_key"]

        if cache_key in cache:
            frozen_result = cache[cache_key]
        else:
            frozen_result = orm_execute_state.invoke_statement().freeze()
            cache[cache_key] = frozen_result

        return loading.merge_frozen_result(
            orm_execute_state.session,
            orm_execute_state.statement,
            frozen_result,
            load=False,
        )()


session = Session()
stmt = (
    select(User).where(User.name == "sandy").execution_options(my_cache_key="key_sandy")
)

result = session.execute(stmt)
print(result.scalars().all())
session.close()
session = Session()
result = session.execute(stmt)
print(result.scalars().all())
''')
LC_MODEL = '''from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __repr__(self):
        return f"User(name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
'''
LC_AD = "User is a small mapping (id, name, a repr) on a SQLite `engine`; the sessions are bound to it and an object is taken through the transition"
case("session_events", "object_lifecycle_events", "Object Lifecycle Events", LC_AD, LC_MODEL + '''
# --- doc/build/orm/session_events.rst ---
from sqlalchemy import event
from sqlalchemy.orm import Session

session = Session(engine)


@event.listens_for(session, "transient_to_pending")
def object_is_pending(session, obj):
    print("new pending: %s" % obj)


session.add(User(name="u1"))
Session(engine).add(User(name="not tracked"))
session.commit()
''')
case("session_events", "object_lifecycle_events_2", "Object Lifecycle Events", LC_AD + " (the stacked listeners dedented to module level)", LC_MODEL + '''
# --- doc/build/orm/session_events.rst ---
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

maker = sessionmaker(engine)


@event.listens_for(maker, "transient_to_pending")
def object_is_pending(session, obj):
    print("new pending: %s" % obj)


@event.listens_for(maker, "pending_to_persistent")
@event.listens_for(maker, "deleted_to_persistent")
@event.listens_for(maker, "detached_to_persistent")
@event.listens_for(maker, "loaded_as_persistent")
def detect_all_persistent(session, instance):
    print("object is now persistent: %s" % instance)


session = maker()
u1 = User(name="u1")
session.add(u1)
session.commit()
session.close()
session = maker()
print(session.scalars(select(User)).one())
session.close()
session.add(u1)
session.delete(u1)
session.flush()
session.rollback()
''')
case("session_events", "transient", "Transient", "the page's Base with a User mapping (id, name, a repr)", '''from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

# --- doc/build/orm/session_events.rst ---
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy import event


class Base(DeclarativeBase):
    pass


@event.listens_for(Base, "init", propagate=True)
def intercept_init(instance, args, kwargs):
    print("new transient: %s" % instance)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __repr__(self):
        return f"User(name={getattr(self, 'name', None)!r})"


u = User(name="u1")
print(u)
''')
TRANS = [
 ("transient_to_pending", "Transient to Pending", "transient_to_pending", 'print("transient to pending: %s" % object_)', '''
session = Session(engine)
session.add(User(name="u1"))
'''),
 ("pending_to_persistent", "Pending to Persistent", "pending_to_persistent", 'print("pending to persistent: %s" % object_)', '''
session = Session(engine)
session.add(User(name="u1"))
print("flushing")
session.flush()
session.commit()
'''),
 ("pending_to_transient", "Pending to Transient", "pending_to_transient", 'print("transient to pending: %s" % object_)', '''
session = Session(engine)
u1, u2 = User(name="u1"), User(name="u2")
session.add_all([u1, u2])
session.expunge(u1)
session.flush()
print("rolling back")
session.rollback()
'''),
 ("loaded_as_persistent", "Loaded as Persistent", "loaded_as_persistent", 'print("object loaded into persistent state: %s" % object_)', '''
with Session(engine) as s:
    s.add_all([User(name="u1"), User(name="u2")])
    s.commit()
session = Session(engine)
print(session.scalars(select(User).order_by(User.id)).all())
'''),
 ("persistent_to_transient", "Persistent to Transient", "persistent_to_transient", 'print("persistent to transient: %s" % object_)', '''
session = Session(engine)
session.add(User(name="u1"))
session.flush()
print("rolling back")
session.rollback()
'''),
 ("persistent_to_deleted", "Persistent to Deleted", "persistent_to_deleted", 'print("object was DELETEd, is now in deleted state: %s" % object_)', '''
from sqlalchemy import inspect

with Session(engine) as s:
    s.add(User(name="u1"))
    s.commit()
session = Session(engine)
u = session.scalars(select(User)).one()
session.delete(u)
print("flushing")
session.flush()
print(inspect(u).deleted)
session.commit()
print(inspect(u).deleted, inspect(u).was_deleted)
'''),
 ("deleted_to_detached", "Deleted to Detached", "deleted_to_detached", 'print("deleted to detached: %s" % object_)', '''
from sqlalchemy import inspect

with Session(engine) as s:
    s.add(User(name="u1"))
    s.commit()
session = Session(engine)
u = session.scalars(select(User)).one()
session.delete(u)
session.flush()
print(inspect(u).deleted, inspect(u).detached)
print("committing")
session.commit()
print(inspect(u).deleted, inspect(u).detached, inspect(u).was_deleted)
'''),
 ("persistent_to_detached", "Persistent to Detached", "persistent_to_detached", 'print("object became detached: %s" % object_)', '''
with Session(engine) as s:
    s.add_all([User(name="u1"), User(name="u2"), User(name="u3")])
    s.commit()
session = Session(engine)
u1, u2, u3 = session.scalars(select(User).order_by(User.id)).all()
session.expunge(u1)
print("expunge_all")
session.expunge_all()
u3 = session.get(User, 3)
print("close")
session.close()
'''),
 ("detached_to_persistent", "Detached to Persistent", "detached_to_persistent", 'print("object became persistent again: %s" % object_)', '''
with Session(engine) as s:
    s.add(User(name="u1"))
    s.commit()
session = Session(engine)
u = session.scalars(select(User)).one()
session.close()
session2 = Session(engine)
session2.add(u)
print("merge")
session3 = Session(engine)
session3.merge(u)
'''),
 ("deleted_to_persistent", "Deleted to Persistent", "deleted_to_persistent", 'print("deleted to persistent: %s" % object_)', '''
with Session(engine) as s:
    s.add(User(name="u1"))
    s.commit()
session = Session(engine)
u = session.scalars(select(User)).one()
session.delete(u)
session.flush()
print("rolling back")
session.rollback()
print(u in session)
'''),
]
for key, title, ev, pr, body in TRANS:
    case("session_events", key, title, LC_AD + "; the page's `event.listens_for(sessionmaker, ...)` listens on the Session class (SQLAlchemy 2.1 has no events on the sessionmaker class itself: InvalidRequestError)", LC_MODEL + '''
# --- doc/build/orm/session_events.rst ---
@event.listens_for(Session, "%s")
def intercept_%s(session, object_):
    %s

%s''' % (ev, ev, pr, body))

# ---------------------------------------------------------------- mapping_styles.rst
case("mapping_styles", "declarative_mapping", "Declarative Mapping",
     "the page's mapping (`Optional` imported), then an engine, a row and a query",
     '''from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import Session

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import Integer, String, ForeignKey
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


# declarative base class
class Base(DeclarativeBase):
    pass


# an example mapping using the base
class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str] = mapped_column(String(30))
    nickname: Mapped[Optional[str]]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="spongebob", fullname="Spongebob Squarepants"))
    session.commit()
    u = session.scalars(select(User)).one()
    print(u.id, u.name, u.fullname, u.nickname)
''')
case("mapping_styles", "imperative_mapping", "Imperative Mapping",
     "the page's two fragments joined: `user` / `metadata_obj` of the second are the first's `user_table` / `mapper_registry.metadata`, Address a plain class; an engine, rows and a query through the backref",
     '''from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import Table, Column, Integer, String, ForeignKey
from sqlalchemy.orm import registry

mapper_registry = registry()

user_table = Table(
    "user",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
    Column("fullname", String(50)),
    Column("nickname", String(12)),
)


class User:
    pass


class Address:
    pass


metadata_obj = mapper_registry.metadata
user = user_table

address = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.id")),
    Column("email_address", String(50)),
)

mapper_registry.map_imperatively(
    User,
    user,
    properties={
        "addresses": relationship(Address, backref="user", order_by=address.c.id)
    },
)

mapper_registry.map_imperatively(Address, address)

engine = create_engine("sqlite://", echo=True)
metadata_obj.create_all(engine)
with Session(engine) as session:
    u = User(name="u1", fullname="User One")
    a1, a2 = Address(email_address="a1"), Address(email_address="a2")
    u.addresses = [a2, a1]
    session.add(u)
    session.commit()
    a = session.scalars(select(Address).where(Address.email_address == "a1")).one()
    print(a.user.name, [x.email_address for x in a.user.addresses])
''')
case("mapping_styles", "default_constructor", "Default Constructor",
     "the page's declarative mapping; the constructed object's attributes printed",
     '''# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str]


u1 = User(name="some name", fullname="some fullname")
print(u1.id, u1.name, u1.fullname)
''')
case("mapping_styles", "default_constructor_2", "Default Constructor",
     "the page's imperative mapping (Table, Column, Integer, String imported); an engine; the page's object flushed and loaded back with `session = Session(engine)`, the page's `fullname` keyword left out as its table has no such column",
     '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.orm import Session

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy.orm import registry

mapper_registry = registry()

user_table = Table(
    "user",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
)


class User:
    pass


mapper_registry.map_imperatively(User, user_table)

engine = create_engine("sqlite://", echo=True)
mapper_registry.metadata.create_all(engine)
session = Session(engine)
u1 = User(name="some name")
session.add(u1)
session.commit()
u1 = session.scalars(select(User).where(User.name == "some name")).first()
print(u1.id, u1.name)
''')
PM_HEAD = '''from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

'''
PM_TAIL = '''
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
p = Point(x=1, y=2)
print(p.x_plus_y)
session.add(p)
session.commit()
print(p.x_plus_y)
session.close()
p = session.scalars(select(Point)).one()
print(p.x_plus_y)
'''
case("mapping_styles", "maintaining_non_mapped_state_across_loads", "Maintaining Non-Mapped State Across Loads",
     "the page's Point with its `__init__` and `load` listener; an engine, a point flushed, and loaded again in a new transaction",
     PM_HEAD + '''
# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import event


class Point(Base):
    __tablename__ = "point"
    id: Mapped[int] = mapped_column(primary_key=True)
    x: Mapped[int]
    y: Mapped[int]

    def __init__(self, x, y, **kw):
        super().__init__(x=x, y=y, **kw)
        self.x_plus_y = x + y


@event.listens_for(Point, "load")
def receive_load(target, context):
    target.x_plus_y = target.x + target.y
''' + PM_TAIL)
case("mapping_styles", "maintaining_non_mapped_state_across_loads_2", "Maintaining Non-Mapped State Across Loads",
     "the page's Point with the stacked `load` / `refresh` / `refresh_flush` listener; an engine, a point flushed, refreshed and loaded again",
     PM_HEAD + '''
# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import event


class Point(Base):
    __tablename__ = "point"
    id: Mapped[int] = mapped_column(primary_key=True)
    x: Mapped[int]
    y: Mapped[int]

    def __init__(self, x, y, **kw):
        super().__init__(x=x, y=y, **kw)
        self.x_plus_y = x + y


@event.listens_for(Point, "load")
@event.listens_for(Point, "refresh")
@event.listens_for(Point, "refresh_flush")
def receive_load(target, context, attrs=None):
    target.x_plus_y = target.x + target.y
''' + PM_TAIL + '''p.y = 10
session.commit()
session.refresh(p)
print(p.x_plus_y)
''')
MS_USER = '''from typing import List
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    fullname: Mapped[str] = mapped_column(String(50))
    nickname: Mapped[Optional[str]] = mapped_column(String(12))
    addresses: Mapped[List["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
'''
MS_AD = "User is the page's user table (id, name, fullname, nickname) mapped declaratively with an `addresses` relationship; values the page shows are printed (object addresses in the page's output are not)"
case("mapping_styles", "runtime_introspection_of_mapped_classes_instances", "Runtime Introspection of Mapped classes, Instances and Mappers",
     MS_AD, MS_USER + '''
# --- doc/build/orm/mapping_styles.rst ---
mapper = User.__mapper__
print(mapper)

from sqlalchemy import inspect

mapper = inspect(User)
print(mapper is User.__mapper__)

table = User.__table__
print(repr(table))

table = inspect(User).local_table
print(table is User.__table__)

table = inspect(User).selectable
print(table is User.__table__)
''')
case("mapping_styles", "inspection_of_mapper_objects", "Inspection of Mapper objects",
     MS_AD, MS_USER + '''
# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import inspect

insp = inspect(User)
print(type(insp.columns).__name__)
print(list(insp.columns))
print(repr(insp.columns.name))
print(type(insp.all_orm_descriptors).__name__)
print(insp.all_orm_descriptors.keys())
print([p.key for p in insp.column_attrs])
print(insp.column_attrs.name.key)
print(repr(insp.column_attrs.name.expression))
''')
case("mapping_styles", "inspection_of_mapped_instances", "Inspection of Mapped Instances",
     MS_AD + "; an engine, a user with nickname \"nickname\" inserted, `session = Session(engine)`",
     MS_USER + '''
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(name="u1", fullname="User One", nickname="nickname"))
    s.commit()
session = Session(engine)

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import inspect

u1 = session.scalars(select(User)).first()
insp = inspect(u1)
print(type(insp).__name__)
print(insp.mapper)
print(insp.session is session)
print(insp.persistent)
print(insp.pending)
print(insp.unloaded)
print(sorted(insp.unmodified))
print(insp.attrs.nickname.value)
u1.nickname = "new nickname"
print(insp.attrs.nickname.history)
''')

# ---------------------------------------------------------------- nonstandard_mappings.rst
case("nonstandard_mappings", "mapping_a_class_against_multiple_tables", "Mapping a Class against Multiple Tables",
     "the page's mapping; an engine, one AddressUser flushed (a row in each table), and the page's statement run",
     '''from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import Session

# --- doc/build/orm/nonstandard_mappings.rst ---
from sqlalchemy import Table, Column, Integer, String, MetaData, join, ForeignKey
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import column_property

metadata_obj = MetaData()

# define two Table objects
user_table = Table(
    "user",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String),
)

address_table = Table(
    "address",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.id")),
    Column("email_address", String),
)

# define a join between them.  This
# takes place across the user.id and address.user_id
# columns.
user_address_join = join(user_table, address_table)


class Base(DeclarativeBase):
    metadata = metadata_obj


# map to it
class AddressUser(Base):
    __table__ = user_address_join

    id = column_property(user_table.c.id, address_table.c.user_id)
    address_id = address_table.c.id


engine = create_engine("sqlite://", echo=True)
metadata_obj.create_all(engine)
with Session(engine) as session:
    session.add(AddressUser(name="u1", email_address="u1@example.com"))
    session.commit()
    stmt = select(AddressUser).group_by(*AddressUser.id.expressions)
    for au in session.scalars(stmt):
        print(au.id, au.address_id, au.name, au.email_address)
''')
case("nonstandard_mappings", "mapping_a_class_against_arbitrary_subqueries", "Mapping a Class against Arbitrary Subqueries",
     "`customers` / `orders` are small tables on the page's Base's metadata with rows; the mapped Customer queried",
     '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


customers = Table(
    "customers",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
)
orders = Table(
    "orders",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id")),
    Column("price", Integer),
)
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(customers.insert(), [{"id": 1, "name": "c1"}, {"id": 2, "name": "c2"}])
    conn.execute(orders.insert(), [{"customer_id": 1, "price": 10}, {"customer_id": 1, "price": 30},
                                   {"customer_id": 2, "price": 5}])

# --- doc/build/orm/nonstandard_mappings.rst ---
from sqlalchemy import select, func

subq = (
    select(
        func.count(orders.c.id).label("order_count"),
        func.max(orders.c.price).label("highest_order"),
        orders.c.customer_id,
    )
    .group_by(orders.c.customer_id)
    .subquery()
)

customer_select = (
    select(customers, subq)
    .join_from(customers, subq, customers.c.id == subq.c.customer_id)
    .subquery()
)


class Customer(Base):
    __table__ = customer_select


with Session(engine) as session:
    for c in session.scalars(select(Customer).order_by(Customer.id)):
        print(c.id, c.name, c.order_count, c.highest_order)
''')

# ---------------------------------------------------------------- declarative_tables.rst
DT_TAIL = '''
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
'''
DT_AD = "the section's mapping; its tables created on a SQLite engine (the DDL is in the log)"
case("declarative_tables", "declarative_table_with_mapped_column", "Declarative Table with ``mapped_column()``",
     DT_AD + "; the page's \"equivalent Table\" is built on a separate MetaData (on Base.metadata it would be a second \"user\" table) and both tables' columns printed",
     '''from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import MetaData
from sqlalchemy import Table

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50), nullable=False)
    fullname = mapped_column(String)
    nickname = mapped_column(String(30))


# equivalent Table object produced
user_table = Table(
    "user",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
    Column("fullname", String()),
    Column("nickname", String(30)),
)
print([repr(c) for c in User.__table__.c])
print([repr(c) for c in user_table.c])
''' + DT_TAIL)
case("declarative_tables", "orm_annotated_declarative_automated_mapping_with", "ORM Annotated Declarative - Automated Mapping with Type Annotations",
     DT_AD + "; the columns printed", '''from sqlalchemy import create_engine

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    fullname: Mapped[str | None]
    nickname: Mapped[str | None] = mapped_column(String(30))


for c in User.__table__.c:
    print(c.name, c.type, c.nullable, c.primary_key)
''' + DT_TAIL)
DT_USER = '''from sqlalchemy import create_engine
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50), nullable=False)
    fullname = mapped_column(String)
    nickname = mapped_column(String(30))
'''
case("declarative_tables", "accessing_table_and_metadata", "Accessing Table and Metadata",
     "the page's first User mapping; the tables and metadata printed",
     DT_USER + '''
# --- doc/build/orm/declarative_tables.rst ---
# access the Table
user_table = User.__table__
print(repr(user_table))

from sqlalchemy import inspect

user_table = inspect(User).local_table
print(user_table is User.__table__)
print(User.metadata is Base.metadata, list(Base.metadata.tables))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
''')
case("declarative_tables", "declarative_table_configuration", "Declarative Table Configuration",
     DT_AD + "; the `MyClass` bodies given an id primary key and a foo column (the page elides them), `remote_table` mapped too, and the two MyClass versions on two bases",
     '''from sqlalchemy import create_engine
from sqlalchemy import ForeignKeyConstraint
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class Base2(DeclarativeBase):
    pass


class Remote(Base2):
    __tablename__ = "remote_table"
    id = mapped_column(Integer, primary_key=True)


# --- doc/build/orm/declarative_tables.rst ---
class MyClass(Base):
    __tablename__ = "sometable"
    __table_args__ = {"mysql_engine": "InnoDB"}

    id = mapped_column(Integer, primary_key=True)


class MyClass2(Base2):
    __tablename__ = "sometable"
    __table_args__ = (
        ForeignKeyConstraint(["id"], ["remote_table.id"]),
        UniqueConstraint("foo"),
    )

    id = mapped_column(Integer, primary_key=True)
    foo = mapped_column(String(20))


print(MyClass.__table__.kwargs)
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
engine2 = create_engine("sqlite://", echo=True)
Base2.metadata.create_all(engine2)
''')
SCHEMA_ENG = '''
engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def attach(dbapi_connection, connection_record):
    dbapi_connection.execute("ATTACH DATABASE ':memory:' AS some_schema")


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(MyClass(id=1))
    session.commit()
    print(session.scalars(select(MyClass.id)).all())
'''
SCHEMA_HEAD = '''from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
'''
case("declarative_tables", "explicit_schema_name_with_declarative_table", "Explicit Schema Name with Declarative Table",
     "the schema is a SQLite database ATTACHed to each connection; MyClass given an id primary key; a row flushed and read",
     SCHEMA_HEAD + '''
# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "sometable"
    __table_args__ = {"schema": "some_schema"}

    id = mapped_column(Integer, primary_key=True)


print(MyClass.__table__.fullname)
''' + SCHEMA_ENG)
case("declarative_tables", "explicit_schema_name_with_declarative_table_2", "Explicit Schema Name with Declarative Table",
     "the schema is a SQLite database ATTACHed to each connection; MyClass given an id primary key; a row flushed and read",
     SCHEMA_HEAD + '''
# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

metadata_obj = MetaData(schema="some_schema")


class Base(DeclarativeBase):
    metadata = metadata_obj


class MyClass(Base):
    # will use "some_schema" by default
    __tablename__ = "sometable"

    id = mapped_column(Integer, primary_key=True)


print(MyClass.__table__.fullname)
''' + SCHEMA_ENG)
case("declarative_tables", "setting_load_and_persistence_options_for_declarative", "Setting Load and Persistence Options for Declarative Mapped Columns",
     "the section's two User mappings on two bases (the second given a name column); an engine, rows, the deferred column loaded on access and the active-history column's history printed",
     '''from sqlalchemy import create_engine
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import Text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class Base2(DeclarativeBase):
    pass


# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    bio: Mapped[str] = mapped_column(Text, deferred=True)


class User2(Base2):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    important_identifier: Mapped[str] = mapped_column(active_history=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="u1", bio="a long bio"))
    session.commit()
with Session(engine) as session:
    u = session.scalars(select(User)).one()
    print(u.name)
    print(u.bio)

engine2 = create_engine("sqlite://", echo=True)
Base2.metadata.create_all(engine2)
with Session(engine2) as session:
    session.add(User2(important_identifier="abc"))
    session.commit()
    u2 = session.scalars(select(User2)).one()
    session.expire(u2, ["important_identifier"])
    u2.important_identifier = "def"
    print(inspect(u2).attrs.important_identifier.history)
    session.commit()
''')
case("declarative_tables", "naming_declarative_mapped_columns_explicitly", "Naming Declarative Mapped Columns Explicitly",
     "the section's mapping on a DeclarativeBase; the printed statement as shown, then it is run on a SQLite engine",
     '''from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column("user_id", primary_key=True)
    name: Mapped[str] = mapped_column("user_name")


from sqlalchemy import select

print(select(User.id, User.name).where(User.name == "x"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="x"))
    session.commit()
    print(session.execute(select(User.id, User.name).where(User.name == "x")).all())
''')
case("declarative_tables", "appending_additional_columns_to_an_existing_declarative", "Appending additional columns to an existing Declarative mapped class",
     "MyClass is a small declarative mapping; each assignment is followed by a printed SELECT of the class; the Column form on a second attribute name",
     '''from sqlalchemy import Column
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "sometable"

    id = mapped_column(Integer, primary_key=True)


# --- doc/build/orm/declarative_tables.rst ---
MyClass.some_new_column = mapped_column(String)
print(select(MyClass))

MyClass.some_other_column = Column(String)
print(select(MyClass))
print(MyClass.__table__.c.keys())
''')
IT_HEAD = '''from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy.orm import Session
'''
case("declarative_tables", "declarative_with_imperative_table_a_k_a", "Declarative with Imperative Table (a.k.a. Hybrid Declarative)",
     "the section's first mapping (Table imported); an engine, a row flushed and read",
     IT_HEAD + '''
# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# construct a Table directly.  The Base.metadata collection is
# usually a good choice for MetaData but any MetaData
# collection may be used.

user_table = Table(
    "user",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("fullname", String),
    Column("nickname", String),
)


# construct the User class using this table.
class User(Base):
    __table__ = user_table


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="u1", fullname="User One"))
    session.commit()
    print(session.execute(select(User.id, User.name, User.nickname)).all())
''')
case("declarative_tables", "declarative_with_imperative_table_a_k_a_2", "Declarative with Imperative Table (a.k.a. Hybrid Declarative)",
     "the section's inline User and polymorphic Person (on their own bases); an engine, rows flushed and read",
     IT_HEAD + '''from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __table__ = Table(
        "user",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String),
        Column("fullname", String),
        Column("nickname", String),
    )


class Person(Base):
    __table__ = Table(
        "person",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(50)),
        Column("type", String(50)),
    )

    __mapper_args__ = {
        "polymorphic_on": __table__.c.type,
        "polymorphic_identity": "person",
    }


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="u1"), Person(name="p1")])
    session.commit()
    print(session.execute(select(User.id, User.name)).all())
    print(session.execute(select(Person.id, Person.name, Person.type)).all())
''')
AN_HEAD = IT_HEAD + '''from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/declarative_tables.rst ---
user_table = Table(
    "user",
    Base.metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String),
)
'''
AN_TAIL = '''

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
print(select(User.id, User.name).where(User.name == "x"))
with Session(engine) as session:
    session.add(User(name="x"))
    session.commit()
    u = session.scalars(select(User)).one()
    print(u.id, u.name)
'''
case("declarative_tables", "alternate_attribute_names_for_mapping_table_columns", "Alternate Attribute Names for Mapping Table Columns",
     "the section's first mapping; a statement printed, a row flushed and read",
     AN_HEAD + '''

class User(Base):
    __table__ = user_table

    id = user_table.c.user_id
    name = user_table.c.user_name
''' + AN_TAIL)
case("declarative_tables", "alternate_attribute_names_for_mapping_table_columns_2", "Alternate Attribute Names for Mapping Table Columns",
     "the section's column_property mapping; a statement printed, a row flushed and read",
     AN_HEAD + '''

from sqlalchemy.orm import column_property
from sqlalchemy.orm import Mapped


class User(Base):
    __table__ = user_table

    id: Mapped[int] = column_property(user_table.c.user_id)
    name: Mapped[str] = column_property(user_table.c.user_name)
''' + AN_TAIL)
case("declarative_tables", "applying_load_persistence_and_mapping_options_for", "Applying Load, Persistence and Mapping Options for Imperative Table Columns",
     "the section's deferred mapping (Text imported); a row flushed, loaded, the deferred column loaded on access",
     IT_HEAD + '''from sqlalchemy import Column, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy.orm import deferred

user_table = Table(
    "user",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("bio", Text),
)


class User(Base):
    __table__ = user_table

    bio = deferred(user_table.c.bio)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="u1", bio="the bio"))
    session.commit()
with Session(engine) as session:
    u = session.scalars(select(User)).one()
    print(u.name)
    print(u.bio)
''')
REFL_SETUP = '''from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy import select
'''
REFL_DDL = '''with engine.begin() as conn:
    conn.execute(text("CREATE TABLE mytable (id INTEGER PRIMARY KEY, data VARCHAR(30))"))
    conn.execute(text("INSERT INTO mytable (id, data) VALUES (1, 'one')"))
'''
case("declarative_tables", "mapping_declaratively_with_reflected_tables", "Mapping Declaratively with Reflected Tables",
     "the PostgreSQL URL is \"sqlite://\" (one shared in-memory database per engine); `mytable` is created there with `text()` DDL first; the mapped class queried",
     REFL_SETUP + '''
# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import create_engine
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

engine = create_engine("sqlite://", echo=True)
''' + REFL_DDL + '''

class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __table__ = Table(
        "mytable",
        Base.metadata,
        autoload_with=engine,
    )


with Session(engine) as session:
    print([(o.id, o.data) for o in session.scalars(select(MyClass))])
''')
case("declarative_tables", "mapping_declaratively_with_reflected_tables_2", "Mapping Declaratively with Reflected Tables",
     "the PostgreSQL URL is \"sqlite://\"; `mytable` is created there with `text()` DDL first; the mapped class queried",
     REFL_SETUP + '''
# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import create_engine
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

engine = create_engine("sqlite://", echo=True)
''' + REFL_DDL + '''

class Base(DeclarativeBase):
    pass


Base.metadata.reflect(engine)


class MyClass(Base):
    __table__ = Base.metadata.tables["mytable"]


with Session(engine) as session:
    print([(o.id, o.data) for o in session.scalars(select(MyClass))])
''')
case("declarative_tables", "using_deferredreflection", "Using DeferredReflection",
     "the PostgreSQL URL is \"sqlite://\"; `foo` / `bar` are created there with `text()` DDL first (bar without a declared foreign key, which the mapping supplies); rows read through `Foo.bars`",
     '''from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy.ext.declarative import DeferredReflection
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class Reflected(DeferredReflection):
    __abstract__ = True


class Foo(Reflected, Base):
    __tablename__ = "foo"
    bars = relationship("Bar")


class Bar(Reflected, Base):
    __tablename__ = "bar"

    foo_id = mapped_column(Integer, ForeignKey("foo.id"))


engine = create_engine("sqlite://", echo=True)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE foo (id INTEGER PRIMARY KEY, name VARCHAR(20))"))
    conn.execute(text("CREATE TABLE bar (id INTEGER PRIMARY KEY, foo_id INTEGER)"))
    conn.execute(text("INSERT INTO foo VALUES (1, 'f1')"))
    conn.execute(text("INSERT INTO bar VALUES (1, 1), (2, 1)"))
Reflected.prepare(engine)

with Session(engine) as session:
    f = session.scalars(select(Foo)).one()
    print(f.name, sorted(b.id for b in f.bars))
''')
case("declarative_tables", "automating_column_naming_schemes_from_reflected_tables", "Automating Column Naming Schemes from Reflected Tables",
     "`some_engine` is SQLite with `some_table` created by `text()` DDL; Table imported; the mapped attribute names printed and a row read",
     '''from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy import text
from sqlalchemy.orm import Session

some_engine = create_engine("sqlite://", echo=True)
with some_engine.begin() as conn:
    conn.execute(text("CREATE TABLE some_table (Id INTEGER PRIMARY KEY, UserName VARCHAR(20))"))
    conn.execute(text("INSERT INTO some_table VALUES (1, 'u1')"))

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


@event.listens_for(Base.metadata, "column_reflect")
def column_reflect(inspector, table, column_info):
    # set column.key = "attr_<lower_case_name>"
    column_info["key"] = "attr_%s" % column_info["name"].lower()


class MyClass(Base):
    __table__ = Table("some_table", Base.metadata, autoload_with=some_engine)


print(MyClass.__table__.c.keys())
with Session(some_engine) as session:
    o = session.scalars(select(MyClass)).one()
    print(o.attr_id, o.attr_username)
''')
case("declarative_tables", "mapping_to_an_explicit_set_of_primary_key", "Mapping to an Explicit Set of Primary Key Columns",
     "the section's mapping; an engine, rows flushed, one loaded by its two-column identity",
     '''from sqlalchemy import create_engine
from sqlalchemy.orm import Session

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import Column
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase


metadata = MetaData()
group_users = Table(
    "group_users",
    metadata,
    Column("user_id", String(40), nullable=False),
    Column("group_id", String(40), nullable=False),
    UniqueConstraint("user_id", "group_id"),
)


class Base(DeclarativeBase):
    pass


class GroupUsers(Base):
    __table__ = group_users
    __mapper_args__ = {"primary_key": [group_users.c.user_id, group_users.c.group_id]}


engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([GroupUsers(user_id="u1", group_id="g1"), GroupUsers(user_id="u1", group_id="g2")])
    session.commit()
with Session(engine) as session:
    gu = session.get(GroupUsers, ("u1", "g2"))
    print(gu.user_id, gu.group_id)
''')
case("declarative_tables", "mapping_a_subset_of_table_columns", "Mapping a Subset of Table Columns",
     "`user_table` (user_id, user_name, password) and `address_table` (id, street, city, state, zip, email) are Tables on Base.metadata; each of the page's mappings on its own base; the mapped attribute names printed",
     '''from sqlalchemy import Column
from sqlalchemy import Integer
from sqlalchemy import inspect
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

metadata = MetaData()
user_table = Table(
    "user",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(30)),
    Column("password", String(30)),
)
address_table = Table(
    "address",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("street", String(30)),
    Column("city", String(30)),
    Column("state", String(30)),
    Column("zip", String(30)),
    Column("email", String(30)),
)


class Base(DeclarativeBase):
    metadata = metadata


class Base2(DeclarativeBase):
    metadata = metadata


# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __table__ = user_table
    __mapper_args__ = {"include_properties": ["user_id", "user_name"]}


class Address(Base):
    __table__ = address_table
    __mapper_args__ = {"exclude_properties": ["street", "city", "state", "zip"]}


class User2(Base2):
    __table__ = user_table
    __mapper_args__ = {
        "include_properties": [user_table.c.user_id, user_table.c.user_name]
    }


print(sorted(inspect(User).attrs.keys()))
print(sorted(inspect(Address).attrs.keys()))
print(sorted(inspect(User2).attrs.keys()))
''')

for name, source, adapted, body in CASES:
    write(name, source, adapted, used_imports(body))
print(len(CASES))
