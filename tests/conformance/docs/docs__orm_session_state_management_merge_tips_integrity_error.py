# source: doc/build/orm/session_state_management.rst, section "Merge Tips"
# adapted: the page's User/Address mapping (table "user", backref) on "sqlite://" with a Session(engine) ("Another example of unexpected state", ends with the IntegrityError the doc shows)
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

# --- doc/build/orm/session_state_management.rst: "Merge Tips" ---
u1 = User(name="ed", addresses=[Address(email_address="ed@ed.com")])
session.add(u1)
session.commit()
existing_a1 = u1.addresses[0]

a1 = Address(id=existing_a1.id, user_id=u1.id)
a1.user = None
a1 = session.merge(a1)
session.commit()
