# Joins with the Query API: implicit join via relationship, explicit ON clause, outerjoin,
# query(A, B) tuples, select_from, and aliased() for a self-comparison.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, func
from sqlalchemy.orm import declarative_base, sessionmaker, relationship, aliased

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    city = Column(String(40))
    orders = relationship("Order", back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    item = Column(String(40))
    amount = Column(Integer)
    customer_id = Column(Integer, ForeignKey("customers.id"))
    customer = relationship("Customer", back_populates="orders")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

c1 = Customer(name="Ravi", city="Pune", orders=[Order(item="pen", amount=10), Order(item="ink", amount=25)])
c2 = Customer(name="Mei", city="Pune", orders=[Order(item="book", amount=40)])
c3 = Customer(name="Olu", city="Lagos")
session.add_all([c1, c2, c3])
session.commit()

for c, o in session.query(Customer, Order).join(Order).order_by(Order.id).all():
    print(c.name, o.item, o.amount)

print(session.query(Customer.name, Order.item).join(Order, Customer.id == Order.customer_id).filter(Order.amount > 20).all())
print(session.query(Customer.name, func.count(Order.id)).outerjoin(Customer.orders).group_by(Customer.name).order_by(Customer.name).all())
print(session.query(Order.item).select_from(Customer).join(Customer.orders).filter(Customer.name == "Ravi").order_by(Order.item).all())

c_alias = aliased(Customer)
pairs = (
    session.query(Customer.name, c_alias.name)
    .join(c_alias, Customer.city == c_alias.city)
    .filter(Customer.id < c_alias.id)
    .all()
)
print(pairs)
print(session.query(Customer).filter(~Customer.orders.any()).all()[0].name)
