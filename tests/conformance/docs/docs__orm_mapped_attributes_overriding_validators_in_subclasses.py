# source: doc/build/orm/mapped_attributes.rst, section "Overriding Validators in Subclasses"
# adapted: User mapped on "user" (VerifiedUser single-table, no discriminator, as the page writes it); assignments to each class, one refused by each validator
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.orm import validates


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    email = mapped_column(String)

    @validates("email")
    def validate_email(self, key, address):
        if "@" not in address:
            raise ValueError("failed simple email validation")
        return address


class VerifiedUser(User):
    @validates("email")
    def validate_email(self, key, address):
        # call the parent validator first
        address = super().validate_email(key, address)
        if not address.endswith("@example.com"):
            raise ValueError("only example.com addresses allowed")
        return address


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

u = User(email="a@elsewhere.org")
v = VerifiedUser(email="b@example.com")
for obj, value in [(u, "nope"), (v, "nope"), (v, "c@elsewhere.org")]:
    try:
        obj.email = value
    except ValueError as err:
        print(type(obj).__name__, "rejected:", err)

with Session(engine) as session:
    session.add_all([u, v])
    session.commit()
    print(session.get(User, 1).email, session.get(User, 2).email)
