# source: doc/build/orm/declarative_tables.rst, section "Explicit Schema Name with Declarative Table"
# adapted: the schema is a SQLite database ATTACHed to each connection; MyClass given an id primary key; a row flushed and read
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "sometable"
    __table_args__ = {"schema": "some_schema"}

    id = mapped_column(Integer, primary_key=True)


print(MyClass.__table__.fullname)

engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def attach(dbapi_connection, connection_record):
    dbapi_connection.execute("ATTACH DATABASE ':memory:' AS some_schema")


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(MyClass(id=1))
    session.commit()
    print(session.scalars(select(MyClass.id)).all())
