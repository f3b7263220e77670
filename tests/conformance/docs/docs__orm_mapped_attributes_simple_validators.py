# source: doc/build/orm/mapped_attributes.rst, section "Simple Validators"
# adapted: the page's EmailAddress mapped on "email_address"; its User/Address fragments mapped on "user" / "address" (Address: id, user_id, email), once per validator version; assignments and appends, one rejected by each validator, then a flush and a query
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy import String
from sqlalchemy.orm import validates


class Base(DeclarativeBase):
    pass


class EmailAddress(Base):
    __tablename__ = "email_address"

    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)

    @validates("email")
    def validate_email(self, key, address):
        if "@" not in address:
            raise ValueError("failed simple email validation")
        return address


class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    user_id = mapped_column(ForeignKey("user.id"))
    email = mapped_column(String)


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)

    addresses = relationship("Address")

    @validates("addresses")
    def validate_address(self, key, address):
        if "@" not in address.email:
            raise ValueError("failed simplified email validation")
        return address


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

a1 = EmailAddress(email="ed@example.com")
try:
    a1.email = "not an email"
except ValueError as err:
    print("rejected:", err)
print(a1.email)

u1 = User(addresses=[Address(email="ed@example.com")])
a2 = Address(email="bypass")
try:
    u1.addresses.append(a2)
except ValueError as err:
    print("rejected:", err)
print(len(u1.addresses))

with Session(engine) as session:
    session.add_all([u1, a1])
    session.commit()
    for addr in session.scalars(select(Address)):
        print(addr.id, addr.user_id, addr.email)
    print(session.scalars(select(EmailAddress.email)).all())


# --- include_removes=True ---


class Base(DeclarativeBase):
    pass


class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    user_id = mapped_column(ForeignKey("user.id"))
    email = mapped_column(String)


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)

    addresses = relationship("Address")

    @validates("addresses", include_removes=True)
    def validate_address(self, key, address, is_remove):
        if is_remove:
            raise ValueError("not allowed to remove items from the collection")
        else:
            if "@" not in address.email:
                raise ValueError("failed simplified email validation")
            return address


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

u1 = User()
a1 = Address(email="one@example.com")
u1.addresses.append(a1)
try:
    u1.addresses.remove(a1)
except ValueError as err:
    print("rejected:", err)
print([a.email for a in u1.addresses])

with Session(engine) as session:
    session.add(u1)
    session.commit()
    print(session.get(Address, 1).user_id)
