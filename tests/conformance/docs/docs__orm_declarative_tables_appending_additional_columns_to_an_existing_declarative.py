# source: doc/build/orm/declarative_tables.rst, section "Appending additional columns to an existing Declarative mapped class"
# adapted: MyClass is a small declarative mapping; each assignment is followed by a printed SELECT of the class; the Column form on a second attribute name
from sqlalchemy import Column
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
