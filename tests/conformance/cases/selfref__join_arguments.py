# relationship() join arguments as strings and lambdas: foreign_keys, primaryjoin, backref(remote_side=)
from sqlalchemy import ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Session, backref, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)
    billing_address_id = mapped_column(Integer, ForeignKey("address.id"))
    shipping_address_id = mapped_column(Integer, ForeignKey("address.id"))
    billing_address = relationship("Address", foreign_keys="[Customer.billing_address_id]")
    shipping_address = relationship(
        "Address", foreign_keys=lambda: Customer.shipping_address_id
    )


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    city = mapped_column(String)


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)
    portland = relationship(
        "Item",
        primaryjoin=lambda: (User.id == Item.user_id) & (Item.city == "Portland"),
    )


class Item(Base):
    __tablename__ = "item"
    id = mapped_column(Integer, primary_key=True)
    user_id = mapped_column(Integer, ForeignKey("user.id"))
    city = mapped_column(String)


class Category(Base):
    __tablename__ = "category"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("category.id"))
    name = mapped_column(String)
    subcategories = relationship("Category", backref=backref("parent", remote_side=[id]))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    c = Customer(name="ed", billing_address=Address(city="Boston"))
    c.shipping_address = Address(city="Portland")
    u = User(name="jack")
    session.add_all([c, u])
    session.flush()
    session.add_all([Item(user_id=u.id, city="Portland"), Item(user_id=u.id, city="Boston")])
    top = Category(name="top")
    sub = Category(name="sub", parent=top)
    session.add(sub)
    session.commit()
    print(c.billing_address.city, c.shipping_address.city)
    print([i.city for i in u.portland])
    print(top.subcategories[0].name, sub.parent.name)
    print(select(User.name).join(User.portland))
    print(select(Customer.name).join(Customer.billing_address))
