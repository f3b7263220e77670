# @validates decorator: normalise and reject values before they reach the database.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, sessionmaker, validates

Base = declarative_base()


class Customer(Base):
    __tablename__ = 'customers'
    id = Column(Integer, primary_key=True)
    email = Column(String(120), nullable=False)
    age = Column(Integer)

    @validates('email')
    def validate_email(self, key, address):
        if '@' not in address:
            raise ValueError(f"invalid email address: {address}")
        return address.lower()

    @validates('age')
    def validate_age(self, key, value):
        print(f"validating {key}={value}")
        if value is not None and value < 0:
            raise ValueError("age must be positive")
        return value


engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

c = Customer(email='John@Example.COM', age=30)
print(c.email)
session.add(c)
session.commit()

try:
    Customer(email='not-an-email')
except ValueError as e:
    print("ValueError:", e)

try:
    c.age = -5
except ValueError as e:
    print("ValueError:", e)
print(c.age)
c.email = 'NEW@MAIL.org'
session.commit()
print(session.query(Customer.email, Customer.age).all())
