# source: doc/build/orm/cascades.rst, section "Using foreign key ON DELETE cascade with ORM relationships"
# adapted: User/Address are mapped on "user" / "address" as the page's fragments describe (cascade as in the section); user 1 has two addresses; Session() without a bind stands for the page's unbound sessions and sess1/sess are Session(engine)
from sqlalchemy import create_engine
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
