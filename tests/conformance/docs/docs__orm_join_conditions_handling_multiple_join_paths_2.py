# source: doc/build/orm/join_conditions.rst, section "Handling Multiple Join Paths" (after the error)
# adapted: the doc's qualified mapping (`foreign_keys=`) on the section's Base and Address, and "sqlite://"; a customer with both addresses is persisted and loaded back
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

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

    billing_address = relationship("Address", foreign_keys=[billing_address_id])
    shipping_address = relationship("Address", foreign_keys=[shipping_address_id])


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    street = mapped_column(String)
    city = mapped_column(String)
    state = mapped_column(String)
    zip = mapped_column(String)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(
    Customer(
        name="jack",
        billing_address=Address(street="1 Main St", city="Boston"),
        shipping_address=Address(street="2 Elm St", city="Portland"),
    )
)
session.commit()
customer = session.scalars(select(Customer)).one()
print(customer.billing_address.city, customer.shipping_address.city)
print(select(Customer.name).join(Customer.shipping_address))
session.close()
