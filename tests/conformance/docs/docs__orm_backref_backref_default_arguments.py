# source: doc/build/orm/backref.rst, section "Backref Default Arguments"
# adapted: the page's mapping (mapped_column imported); the two printed primaryjoins as shown, then a flush and a lazy load through each side
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

    addresses = relationship(
        "Address",
        primaryjoin=(
            "and_(User.id==Address.user_id, Address.email.startswith('tony'))"
        ),
        backref="user",
    )


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)
    user_id = mapped_column(Integer, ForeignKey("user.id"))


print(User.addresses.property.primaryjoin)
print(Address.user.property.primaryjoin)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(name="u1", addresses=[Address(email="tony@example.com")]))
    session.commit()
    u = session.scalars(select(User)).one()
    print([a.email for a in u.addresses])
    a = session.scalars(select(Address)).one()
    print(a.user.name)
