# The SQLite foreign-key recipe: an Engine "connect" listener turns on PRAGMA foreign_keys,
# so the database enforces the constraint (and ON DELETE CASCADE) from the first connection.
from sqlalchemy import ForeignKey, create_engine, event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

calls = []


@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    calls.append("connect")
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id", ondelete="CASCADE"))


engine = create_engine("sqlite://")
print(calls)
Base.metadata.create_all(engine)
print(calls)
with engine.connect() as conn:
    print(conn.execute(text("PRAGMA foreign_keys")).scalar())
with Session(engine) as session:
    session.add(Parent(id=1))
    session.commit()
    session.add(Child(id=1, parent_id=1))
    session.commit()
    session.add(Child(id=2, parent_id=99))
    try:
        session.commit()
    except IntegrityError as e:
        print("IntegrityError", e.orig)
        session.rollback()
    session.execute(text("DELETE FROM parent WHERE id = 1"))
    session.commit()
    print(session.scalars(select(Child.id)).all())
print(calls)


def on_connect(dbapi_connection, connection_record):
    calls.append("second engine")
    print(dbapi_connection.execute("PRAGMA foreign_keys").fetchone())


other = create_engine("sqlite://")
event.listen(other, "connect", on_connect)
with other.connect() as conn:
    conn.execute(text("SELECT 1"))
with other.connect() as conn:
    conn.execute(text("SELECT 2"))
print(calls)
print(event.contains(other, "connect", on_connect))
event.remove(other, "connect", on_connect)
print(event.contains(other, "connect", on_connect))
