# source: doc/build/orm/cascades.rst, section "Notes on Delete - Deleting Objects Referenced from Collections and Scalar Relationships"
# adapted: User/Address are mapped on "user" / "address" as the page's fragments describe (cascade as in the section); user 1 has two addresses; Session() without a bind stands for the page's unbound sessions and sess1/sess are Session(engine)
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


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50))
    addresses = relationship("Address", back_populates="user")


class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    email_address = mapped_column(String(50))
    user_id = mapped_column(Integer, ForeignKey("user.id"))
    user = relationship("User", back_populates="addresses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(name="user1", addresses=[Address(email_address="a1@example.com"),
                                        Address(email_address="a2@example.com")]))
    s.commit()

session = Session(engine)
user = session.get(User, 1)

# --- doc/build/orm/cascades.rst ---
address = user.addresses[1]
session.delete(address)
session.flush()
print(address in user.addresses)
session.commit()
print(address in user.addresses)
