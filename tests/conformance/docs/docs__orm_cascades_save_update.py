# source: doc/build/orm/cascades.rst, section "save-update"
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

# --- doc/build/orm/cascades.rst ---
user1 = User()
address1, address2 = Address(), Address()
user1.addresses = [address1, address2]

sess = Session()
sess.add(user1)
print(address1 in sess)

address3 = Address()
user1.addresses.append(address3)
print(address3 in sess)

sess1 = Session(engine)
user1 = sess1.scalars(select(User).filter_by(id=1)).first()
address1 = user1.addresses[0]
sess1.close()  # user1, address1 no longer associated with sess1
user1.addresses.remove(address1)  # address1 no longer associated with user1
sess2 = Session()
sess2.add(user1)  # ... but it still gets added to the new session,
print(address1 in sess2)  # because it's still "pending" for flush
