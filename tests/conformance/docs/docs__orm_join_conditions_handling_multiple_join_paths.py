# source: doc/build/orm/join_conditions.rst, section "Handling Multiple Join Paths"
# adapted: the doc's first mapping and "sqlite://"; "when we attempt to use it": a Customer is made, which configures the mappers and raises the error the page shows
from sqlalchemy import create_engine

# --- doc/build/orm/join_conditions.rst ---
from sqlalchemy import Integer, ForeignKey, String, Column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)

    billing_address_id = mapped_column(Integer, ForeignKey("address.id"))
    shipping_address_id = mapped_column(Integer, ForeignKey("address.id"))

    billing_address = relationship("Address")
    shipping_address = relationship("Address")


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    street = mapped_column(String)
    city = mapped_column(String)
    state = mapped_column(String)
    zip = mapped_column(String)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
customer = Customer(name="jack")
