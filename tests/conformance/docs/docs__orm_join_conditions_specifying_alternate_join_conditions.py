# source: doc/build/orm/join_conditions.rst, section "Specifying Alternate Join Conditions"
# adapted: the doc's mapping and "sqlite://"; a user with addresses in two cities is persisted, then boston_addresses is loaded and joined along
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

# --- doc/build/orm/join_conditions.rst ---
from sqlalchemy import Integer, ForeignKey, String, Column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)
    boston_addresses = relationship(
        "Address",
        primaryjoin="and_(User.id==Address.user_id, Address.city=='Boston')",
    )


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    user_id = mapped_column(Integer, ForeignKey("user.id"))

    street = mapped_column(String)
    city = mapped_column(String)
    state = mapped_column(String)
    zip = mapped_column(String)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
user = User(name="jack")
session.add(user)
session.flush()
session.add_all(
    [
        Address(user_id=user.id, street="1 Main St", city="Boston"),
        Address(user_id=user.id, street="2 Elm St", city="Portland"),
    ]
)
session.commit()
print([a.street for a in user.boston_addresses])
print(select(User.name).join(User.boston_addresses))
session.close()
