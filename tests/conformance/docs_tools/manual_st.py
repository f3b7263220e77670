import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/session_transaction.rst, section "%s"'
FIX = '''from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class SomeClass(Base):
    __tablename__ = "some_table"
    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[Optional[str]]

    def __repr__(self) -> str:
        return f"SomeClass(id={self.id!r}, data={self.data!r})"


some_table = SomeClass.__table__

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
'''
AD = ("the placeholders are a mapped SomeClass(id, data) on \"some_table\" (some_object() etc. "
      "make SomeClass objects); the PostgreSQL URLs are \"sqlite://\"; a final query prints what was committed")
SHOW = '''
with engine.connect() as c:
    print(c.execute(select(SomeClass.id, SomeClass.data).order_by(SomeClass.id)).all())
'''
MAKERS = '''
def some_object():
    return SomeClass(data="some object")


def some_other_object():
    return SomeClass(data="some other object")

'''
cases = {
"managing_transactions_begin_block": ("Managing Transactions", FIX + MAKERS + '''
# --- doc/build/orm/session_transaction.rst ---
from sqlalchemy.orm import Session

session = Session(engine)

with session.begin():
    session.add(some_object())
    session.add(some_other_object())
# commits transaction at the end, or rolls back if there
# was an exception raised
''' + SHOW),
"managing_transactions_autobegin": ("Managing Transactions", FIX + MAKERS + '''more_objects = [SomeClass(data="more %d" % i) for i in range(2)]
still_another_object = SomeClass(data="still another")

# --- doc/build/orm/session_transaction.rst ---
session = Session(engine)
session.add(some_object())
session.add(some_other_object())
session.commit()  # commits

# will automatically begin again
result = session.execute(text("SELECT id, data FROM some_table ORDER BY id"))
print(result.all())
session.add_all([*more_objects])
session.commit()  # commits

session.add(still_another_object)
session.flush()  # flush still_another_object
session.rollback()  # rolls back still_another_object

# expunges all objects, releases all transactions unconditionally
# (with rollback), releases all database connections back to their
# engines
session.close()
''' + SHOW),
"managing_transactions_context": ("Managing Transactions", FIX + MAKERS + '''still_another_object = SomeClass(data="still another")

# --- doc/build/orm/session_transaction.rst ---
with Session(engine) as session:
    session.add(some_object())
    session.add(some_other_object())
    session.commit()  # commits

    session.add(still_another_object)
    session.flush()  # flush still_another_object

    session.commit()  # commits

    result = session.execute(text("SELECT id, data FROM some_table ORDER BY id"))

# remaining transactional state from the .execute() call is
# discarded
''' + SHOW),
"managing_transactions_sessionmaker": ("Managing Transactions", FIX + '''some_object = SomeClass(data="some object")

# --- doc/build/orm/session_transaction.rst ---
Session = sessionmaker(engine)

with Session() as session:
    with session.begin():
        session.add(some_object)
    # commits

# closes the Session

some_object = SomeClass(data="another object")
with Session.begin() as session:
    session.add(some_object)
''' + SHOW),
"using_savepoint_merge_records": ("Using SAVEPOINT", FIX.replace("data: Mapped[Optional[str]]", "data: Mapped[str]") + '''records = [SomeClass(id=1, data="one"), SomeClass(id=2, data=None), SomeClass(id=3, data="three")]
session = Session(engine)

# --- doc/build/orm/session_transaction.rst ---
for record in records:
    try:
        with session.begin_nested():
            session.merge(record)
    except:
        print("Skipped record %s" % record.id)
session.commit()
''' + SHOW),
"using_savepoint_integrity_error": ("Using SAVEPOINT", FIX.replace("class SomeClass", '''class SomeRecord(Base):
    __tablename__ = "some_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class SomeClass''') + '''with Session(engine) as session:
    session.add(SomeRecord(id=2, name="existing"))
    session.commit()
records = [
    {"identifier": 1, "name": "one"},
    {"identifier": 2, "name": "two"},
    {"identifier": 3, "name": "three"},
]
session = Session(engine)

# --- doc/build/orm/session_transaction.rst ---
from sqlalchemy import exc

with session.begin():
    for record in records:
        try:
            with session.begin_nested():
                obj = SomeRecord(id=record["identifier"], name=record["name"])
                session.add(obj)
        except exc.IntegrityError:
            print(f"Skipped record {record} - row already exists")

with Session(engine) as s:
    print(s.execute(select(SomeRecord.id, SomeRecord.name).order_by(SomeRecord.id)).all())
'''),
"commit_as_you_go": ("Commit as you go", FIX + '''
# --- doc/build/orm/session_transaction.rst ---
with engine.connect() as conn:
    conn.execute(
        some_table.insert(),
        [
            {"data": "some data one"},
            {"data": "some data two"},
            {"data": "some data three"},
        ],
    )
    conn.commit()

Session = sessionmaker(engine)

with Session() as session:
    session.add_all(
        [
            SomeClass(data="some data one"),
            SomeClass(data="some data two"),
            SomeClass(data="some data three"),
        ]
    )
    session.commit()
''' + SHOW),
"begin_once": ("Begin Once", FIX + '''
# --- doc/build/orm/session_transaction.rst ---
with engine.begin() as conn:
    conn.execute(
        some_table.insert(),
        [
            {"data": "some data one"},
            {"data": "some data two"},
            {"data": "some data three"},
        ],
    )
# commits and closes automatically

Session = sessionmaker(engine)

with Session.begin() as session:
    session.add_all(
        [
            SomeClass(data="some data one"),
            SomeClass(data="some data two"),
            SomeClass(data="some data three"),
        ]
    )
# commits and closes automatically
''' + SHOW),
"nested_transaction": ("Nested Transaction", FIX + '''
# --- doc/build/orm/session_transaction.rst ---
with engine.begin() as conn:
    savepoint = conn.begin_nested()
    conn.execute(
        some_table.insert(),
        [
            {"data": "some data one"},
            {"data": "some data two"},
            {"data": "some data three"},
        ],
    )
    savepoint.commit()  # or rollback
# commits automatically

Session = sessionmaker(engine)

with Session.begin() as session:
    savepoint = session.begin_nested()
    session.add_all(
        [
            SomeClass(data="some data one"),
            SomeClass(data="some data two"),
            SomeClass(data="some data three"),
        ]
    )
    savepoint.commit()  # or rollback
# commits automatically
''' + SHOW),
"explicit_begin": ("Explicit Begin", FIX.replace("class SomeClass", '''class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    foo: Mapped[Optional[str]]
    bar: Mapped[Optional[str]]


class SomeClass''') + '''with Session(engine) as s:
    s.add_all([Item(id=1), Item(id=2)])
    s.commit()

# --- doc/build/orm/session_transaction.rst ---
Session = sessionmaker(bind=engine)
session = Session()
session.begin()
try:
    item1 = session.get(Item, 1)
    item2 = session.get(Item, 2)
    item1.foo = "bar"
    item2.bar = "foo"
    session.commit()
except:
    session.rollback()
    raise

Session = sessionmaker(bind=engine)
session = Session()
with session.begin():
    item1 = session.get(Item, 1)
    item2 = session.get(Item, 2)
    item1.foo = "bar2"
    item2.bar = "foo2"
'''),
"setting_isolation_for_a_sessionmaker": ("Setting Isolation For A Sessionmaker / Engine Wide", FIX + '''
# --- doc/build/orm/session_transaction.rst (the second example) ---
eng = engine
autocommit_engine = eng.execution_options(isolation_level="AUTOCOMMIT")

transactional_session = sessionmaker(eng)
autocommit_session = sessionmaker(autocommit_engine)

with autocommit_session() as session:
    some_objects = session.execute(text("INSERT INTO some_table (data) VALUES ('autocommitted')"))
    some_other_objects = session.execute(text("SELECT id, data FROM some_table"))
    print(some_other_objects.all())
# closes connection

with transactional_session() as session:
    session.add(SomeClass(data="rolled back"))
    session.flush()
''' + SHOW),
"setting_isolation_for_individual_sessions": ("Setting Isolation for Individual Sessions", FIX + '''
# --- doc/build/orm/session_transaction.rst ---
plain_engine = engine

autocommit_engine = plain_engine.execution_options(isolation_level="AUTOCOMMIT")

# will normally use plain_engine
Session = sessionmaker(plain_engine)

# make a specific Session that will use the "autocommit" engine
with Session(bind=autocommit_engine) as session:
    # work with session
    session.add(SomeClass(data="autocommit"))
    session.flush()

with Session() as session:
    session.bind_mapper(SomeClass, autocommit_engine)
    session.add(SomeClass(data="bound mapper"))
    session.flush()
''' + SHOW),
"setting_isolation_for_individual_transactions": ("Setting Isolation for Individual Transactions", FIX + '''
# --- doc/build/orm/session_transaction.rst ---
from sqlalchemy.orm import Session

# assume session just constructed
sess = Session(bind=engine)

# call connection() with options before any other operations proceed.
# this will procure a new connection from the bound engine and begin a real
# database transaction.
sess.connection(execution_options={"isolation_level": "SERIALIZABLE"})

# ... work with session in SERIALIZABLE isolation level...
sess.add(SomeClass(data="serializable"))

# commit transaction.  the connection is released
# and reverted to its previous isolation level.
sess.commit()

sess = Session(bind=engine)
with sess.begin():
    # call connection() with options before any other operations proceed.
    # this will procure a new connection from the bound engine and begin a
    # real database transaction.
    sess.connection(execution_options={"isolation_level": "SERIALIZABLE"})

    # ... work with session in SERIALIZABLE isolation level...
    sess.add(SomeClass(data="serializable 2"))

# outside the block, the transaction has been committed.  the connection is
# released and reverted to its previous isolation level.
''' + SHOW),
"joining_a_session_into_an_external": ("Joining a Session into an External Transaction (such as for test suites)", '''from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class Foo(Base):
    __tablename__ = "foo"
    id: Mapped[int] = mapped_column(primary_key=True)


class Bar(Base):
    __tablename__ = "bar"
    id: Mapped[int] = mapped_column(primary_key=True)


# --- doc/build/orm/session_transaction.rst ---
from sqlalchemy.orm import sessionmaker
from sqlalchemy import create_engine
from unittest import TestCase

# global application scope.  create Session class, engine
Session = sessionmaker()

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)


class SomeTest(TestCase):
    def setUp(self):
        # connect to the database
        self.connection = engine.connect()

        # begin a non-ORM transaction
        self.trans = self.connection.begin()

        # bind an individual Session to the connection, selecting
        # "create_savepoint" join_transaction_mode
        self.session = Session(
            bind=self.connection, join_transaction_mode="create_savepoint"
        )

    def test_something(self):
        # use the session in tests.

        self.session.add(Foo())
        self.session.commit()

    def test_something_with_rollbacks(self):
        self.session.add(Bar())
        self.session.flush()
        self.session.rollback()

        self.session.add(Foo())
        self.session.commit()

    def tearDown(self):
        self.session.close()

        # rollback - everything that happened with the
        # Session above (including calls to commit())
        # is rolled back.
        self.trans.rollback()

        # return connection to the Engine
        self.connection.close()


# the two tests, run as a test runner would run them
for name in ["test_something", "test_something_with_rollbacks"]:
    test = SomeTest(name)
    test.setUp()
    getattr(test, name)()
    test.tearDown()

with engine.connect() as conn:
    print(conn.scalar(select(Foo.id)), conn.scalar(select(Bar.id)))
'''),
}
for k, (title, body) in cases.items():
    ad = AD
    if k.startswith("joining"):
        ad = "Foo and Bar are mapped classes; the PostgreSQL URL is \"sqlite://\"; the two tests are run as a runner would (setUp, test, tearDown) and a final query shows nothing was kept"
    elif k.startswith("setting_isolation") or k == "explicit_begin":
        ad = AD + "; the engine is the SQLite engine (SQLite accepts SERIALIZABLE and AUTOCOMMIT)"
        if k == "explicit_begin":
            ad = "Item(id, foo, bar) is mapped on \"item\" with rows 1 and 2; the second block sets other values"
    elif k == "using_savepoint_merge_records":
        ad = AD + "; the records are SomeClass objects and the second violates NOT NULL, so its SAVEPOINT is rolled back"
    elif k == "using_savepoint_integrity_error":
        ad = "SomeRecord(id, name) is mapped on \"some_record\", which already has row 2"
    write("docs__orm_session_transaction_" + k, SRC % title, ad, body)
print(len(cases))
