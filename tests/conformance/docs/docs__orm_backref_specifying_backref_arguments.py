# source: doc/build/orm/backref.rst, section "Specifying Backref Arguments"
# adapted: the page's mapping with its Address class from the first example (mapped_column imported), then rows and a query against Address
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, relationship
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.orm import backref

# --- doc/build/orm/backref.rst ---
class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)

    addresses = relationship(
        "Address",
        backref=backref("user", lazy="joined"),
    )


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)
    user_id = mapped_column(Integer, ForeignKey("user.id"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(name="u1", addresses=[Address(email="a1"), Address(email="a2")]))
    session.commit()
with Session(engine) as session:
    for a in session.scalars(select(Address)).unique():
        print(a.email, a.user.name)
