# source: doc/build/orm/session_basics.rst, section "Deleting"
# adapted: the fragments' placeholders are a mapped User (id, name, fullname, addresses) / Address on "user_account" / "address" with five users; some_object and some_other_object are new User objects; the PostgreSQL URL is "sqlite://"
from typing import List
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]

    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))

    user: Mapped[Optional["User"]] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all(
        [
            User(name="spongebob", fullname="Spongebob Squarepants",
                 addresses=[Address(email_address="spongebob@sqlalchemy.org")]),
            User(name="sandy", fullname="Sandy Cheeks",
                 addresses=[Address(email_address="sandy@sqlalchemy.org"),
                            Address(email_address="sandy@squirrelpower.org")]),
            User(name="patrick", fullname="Patrick Star"),
            User(name="squidward", fullname="Squidward Tentacles"),
            User(name="ehkrabs", fullname="Eugene H. Krabs"),
        ]
    )
    session.commit()

# --- doc/build/orm/session_basics.rst ---
session = Session(engine)
obj1 = session.get(User, 3)
obj2 = session.get(User, 4)
# (their addresses are loaded first: the flush would load both collections in no fixed order)
print(obj1.addresses, obj2.addresses)
# mark two objects to be deleted
session.delete(obj1)
session.delete(obj2)

# commit (or flush)
session.commit()
print(session.scalars(select(User.name).order_by(User.id)).all())
session.close()
