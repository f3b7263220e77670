# Association object pattern: an OrderItem class carrying quantity between Order and Product.
from sqlalchemy import create_engine, Column, Integer, String, Float, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class OrderItem(Base):
    __tablename__ = "order_items"
    order_id = Column(Integer, ForeignKey("orders.id"), primary_key=True)
    product_id = Column(Integer, ForeignKey("products.id"), primary_key=True)
    quantity = Column(Integer, nullable=False, default=1)
    order = relationship("Order", back_populates="items")
    product = relationship("Product", back_populates="order_items")


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer = Column(String(40))
    items = relationship("OrderItem", back_populates="order", cascade="all, delete-orphan")

    @property
    def total(self):
        return round(sum(i.quantity * i.product.price for i in self.items), 2)


class Product(Base):
    __tablename__ = "products"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    price = Column(Float)
    order_items = relationship("OrderItem", back_populates="product")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()

widget = Product(name="widget", price=2.5)
gadget = Product(name="gadget", price=10.0)
order = Order(customer="Zoe")
order.items.append(OrderItem(product=widget, quantity=4))
order.items.append(OrderItem(product=gadget))
session.add(order)
session.commit()

print(order.total)
for item in order.items:
    print(item.product.name, item.quantity)
print([oi.order.customer for oi in widget.order_items])
order.items[0].quantity = 1
session.commit()
print(order.total)
del order.items[1]
session.commit()
print(session.query(OrderItem).count(), session.query(Product).count())
