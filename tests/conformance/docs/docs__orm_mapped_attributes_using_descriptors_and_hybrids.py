# source: doc/build/orm/mapped_attributes.rst, section "Using Descriptors and Hybrids"
# adapted: the page's three EmailAddress versions mapped on three registries' "email_address" tables, each with one row; Session() becomes Session(engine); the page's queries run against each
from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class EmailAddress(Base):
    __tablename__ = "email_address"

    id = mapped_column(Integer, primary_key=True)

    # name the attribute with an underscore,
    # different from the column name
    _email = mapped_column("email", String)

    # then create an ".email" attribute
    # to get/set "._email"
    @property
    def email(self):
        return self._email

    @email.setter
    def email(self, email):
        self._email = email


class Base2(DeclarativeBase):
    pass


class EmailAddress2(Base2):
    __tablename__ = "email_address"

    id = mapped_column(Integer, primary_key=True)

    _email = mapped_column("email", String)

    @hybrid_property
    def email(self):
        return self._email

    @email.setter
    def email(self, email):
        self._email = email


class Base3(DeclarativeBase):
    pass


class EmailAddress3(Base3):
    __tablename__ = "email_address"

    id = mapped_column(Integer, primary_key=True)

    _email = mapped_column("email", String)

    @hybrid_property
    def email(self):
        """Return the value of _email up until the last twelve
        characters."""

        return self._email[:-12]

    @email.setter
    def email(self, email):
        """Set the value of _email, tacking on the twelve character
        value @example.com."""

        self._email = email + "@example.com"

    @email.expression
    def email(cls):
        """Produce a SQL expression that represents the value
        of the _email column, minus the last twelve characters."""

        return func.substr(cls._email, 1, func.length(cls._email) - 12)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

session = Session(engine)
e1 = EmailAddress(email="address@example.com")
session.add(e1)
session.commit()
print(e1.email, e1._email)
session.close()

engine2 = create_engine("sqlite://")
Base2.metadata.create_all(engine2)
session = Session(engine2)
session.add(EmailAddress2(email="address@example.com"))
session.commit()

address = session.scalars(
    select(EmailAddress2).where(EmailAddress2.email == "address@example.com")
).one()

address.email = "otheraddress@example.com"
session.commit()
print(address.email)
session.close()

engine3 = create_engine("sqlite://")
Base3.metadata.create_all(engine3)
session = Session(engine3)
session.add(EmailAddress3(email="address"))
session.commit()

address = session.scalars(
    select(EmailAddress3).where(EmailAddress3.email == "address")
).one()
print(address.email, address._email)
session.close()
