# Classic "users and addresses" ORM tutorial, written against the pre-2.0 import path
# sqlalchemy.ext.declarative, with back_populates on both sides and a query(User, Address) join.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import sessionmaker, relationship

engine = create_engine('sqlite:///:memory:', echo=True)
Base = declarative_base()


class User(Base):
    __tablename__ = 'users'

    id = Column(Integer, primary_key=True)
    name = Column(String)
    fullname = Column(String)
    nickname = Column(String)

    addresses = relationship("Address", back_populates="user")

    def __repr__(self):
        return "<User(name='%s', fullname='%s', nickname='%s')>" % (
            self.name, self.fullname, self.nickname)


class Address(Base):
    __tablename__ = 'addresses'
    id = Column(Integer, primary_key=True)
    email_address = Column(String, nullable=False)
    user_id = Column(Integer, ForeignKey('users.id'))

    user = relationship("User", back_populates="addresses")

    def __repr__(self):
        return "<Address(email_address='%s')>" % self.email_address


Base.metadata.create_all(engine)

Session = sessionmaker(bind=engine)
session = Session()

jack = User(name='jack', fullname='Jack Bean', nickname='gjffdd')
print(jack.addresses)
jack.addresses = [Address(email_address='jack@google.com'),
                  Address(email_address='j25@yahoo.com')]
print(jack.addresses[1])
print(jack.addresses[1].user)

session.add(jack)
session.add_all([
    User(name='wendy', fullname='Wendy Williams', nickname='windy'),
    User(name='mary', fullname='Mary Contrary', nickname='mary'),
])
session.commit()

jack = session.query(User).filter_by(name='jack').one()
print(jack)
print(jack.addresses)

for u, a in session.query(User, Address).\
        filter(User.id == Address.user_id).\
        filter(Address.email_address == 'jack@google.com').\
        all():
    print(u)
    print(a)

print(session.query(User).join(Address).filter(Address.email_address == 'jack@google.com').all())

for name, email in session.query(User.name, Address.email_address).join(User.addresses).order_by(Address.id):
    print(name, email)
