# source: doc/build/orm/backref.rst, section "Using the legacy 'backref' relationship parameter"
# adapted: the page's mapping (mapped_column imported), then an engine, a User with an Address appended through the collection, printed through the generated Address.user, flushed and queried
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, relationship
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

# --- doc/build/orm/backref.rst ---
class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)

    addresses = relationship("Address", backref="user")


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)
    user_id = mapped_column(Integer, ForeignKey("user.id"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

u1 = User(name="u1")
a1 = Address(email="a1@example.com")
u1.addresses.append(a1)
print(a1.user is u1)
a2 = Address(email="a2@example.com", user=u1)
print(len(u1.addresses), u1.addresses[1] is a2)
with Session(engine) as session:
    session.add(u1)
    session.commit()
    a = session.scalars(select(Address).where(Address.email == "a2@example.com")).one()
    print(a.user.name, [x.email for x in a.user.addresses])
