# Storing a Python enum in an Enum column, querying by member, printing .value and .name.
import enum

from sqlalchemy import create_engine, Column, Integer, String, Enum
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class OrderStatus(enum.Enum):
    PENDING = "pending"
    SHIPPED = "shipped"
    DELIVERED = "delivered"


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer = Column(String(50))
    status = Column(Enum(OrderStatus), default=OrderStatus.PENDING, nullable=False)

    def __repr__(self):
        return f"<Order {self.id} {self.customer} {self.status.name}>"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

session.add_all([
    Order(customer="ann"),
    Order(customer="bo", status=OrderStatus.SHIPPED),
    Order(customer="cy", status=OrderStatus.DELIVERED),
])
session.commit()

for order in session.query(Order).order_by(Order.id):
    print(order, order.status.value, order.status is OrderStatus.PENDING)

pending = session.query(Order).filter(Order.status == OrderStatus.PENDING).all()
print(pending)
first = session.query(Order).filter_by(customer="ann").one()
first.status = OrderStatus.SHIPPED
session.commit()
print(session.query(Order).filter(Order.status == OrderStatus.SHIPPED).count())
print(session.query(Order.status).order_by(Order.id).all())
print([s.value for s in OrderStatus])
