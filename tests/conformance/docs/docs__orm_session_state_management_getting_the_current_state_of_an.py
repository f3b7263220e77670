# source: doc/build/orm/session_state_management.rst, section "Getting the Current State of an Object"
# adapted: my_object is a User of the Merge Tips mapping, inspected while transient, pending, persistent and detached
from sqlalchemy import create_engine
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


# --- doc/build/orm/session_state_management.rst: "Merge Tips" (the mapping) ---
class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50), nullable=False)
    addresses = relationship("Address", backref="user")


class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    email_address = mapped_column(String(50), nullable=False)
    user_id = mapped_column(Integer, ForeignKey("user.id"), nullable=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

my_object = User(name="ed")

# --- doc/build/orm/session_state_management.rst ---
from sqlalchemy import inspect

insp = inspect(my_object)
print(insp.persistent)
print(insp.transient, insp.pending, insp.persistent, insp.detached)
session.add(my_object)
print(insp.transient, insp.pending, insp.persistent, insp.detached)
session.commit()
print(insp.transient, insp.pending, insp.persistent, insp.detached)
session.close()
print(insp.transient, insp.pending, insp.persistent, insp.detached)
