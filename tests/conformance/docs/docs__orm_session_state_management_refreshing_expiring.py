# source: doc/build/orm/session_state_management.rst, section "Refreshing / Expiring"
# adapted: the page's User of "Merge Tips" with a row "user1"
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

session.add(User(name="user1"))
session.commit()

# --- doc/build/orm/session_state_management.rst ---
user = session.scalars(select(User).filter_by(name="user1").limit(1)).first()
print(sorted(k for k in user.__dict__ if k != "_sa_instance_state"))
session.expire(user)
print(user.__dict__)
print(user.name)
print(sorted(k for k in user.__dict__ if k != "_sa_instance_state"))
user.name = "user2"
session.expire(user)
print(user.name)
