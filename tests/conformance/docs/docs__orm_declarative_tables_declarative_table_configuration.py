# source: doc/build/orm/declarative_tables.rst, section "Declarative Table Configuration"
# adapted: the section's mapping; its tables created on a SQLite engine (the DDL is in the log); the `MyClass` bodies given an id primary key and a foo column (the page elides them), `remote_table` mapped too, and the two MyClass versions on two bases
from sqlalchemy import create_engine
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
