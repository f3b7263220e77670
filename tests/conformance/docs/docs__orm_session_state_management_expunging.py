# source: doc/build/orm/session_state_management.rst, section "Expunging"
# adapted: obj1 is a persistent User of the Merge Tips mapping
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

session.add_all([User(name="ed"), User(name="wendy")])
session.commit()
obj1 = session.get(User, 1)
obj2 = session.get(User, 2)

# --- doc/build/orm/session_state_management.rst ---
session.expunge(obj1)
print(obj1 in session, obj2 in session)
session.expunge_all()
print(obj2 in session)
