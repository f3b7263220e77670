# source: doc/build/orm/cascades.rst, section "delete-orphan"
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
    preference_id = mapped_column(Integer, ForeignKey("preference.id"))
    preference = relationship(
        "Preference", cascade="all, delete-orphan", single_parent=True
    )


class Preference(Base):
    __tablename__ = "preference"

    id = mapped_column(Integer, primary_key=True)


class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    email_address = mapped_column(String(50))
    user_id = mapped_column(Integer, ForeignKey("user.id"))
    user = relationship("User", back_populates="addresses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(name="user1", preference=Preference(), addresses=[Address(email_address="a1@example.com"),
                                        Address(email_address="a2@example.com")]))
    s.commit()

session = Session(engine)
some_user = session.get(User, 1)

# --- doc/build/orm/cascades.rst ---
some_user.preference = None
session.flush()  # will delete the Preference object
session.commit()
