# source: doc/build/orm/session_transaction.rst, section "Joining a Session into an External Transaction (such as for test suites)"
# adapted: Foo and Bar are mapped classes; the PostgreSQL URL is "sqlite://"; the two tests are run as a runner would (setUp, test, tearDown) and a final query shows nothing was kept
from typing import Optional

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
