# 'evaluate' applies the WHERE clause in Python, which cannot do LIKE: with 'evaluate' the
# update is refused before any SQL; with the default 'auto' SQLAlchemy falls back to 'fetch'
# (UPDATE ... RETURNING id on SQLite) and still keeps the loaded objects current.
from sqlalchemy import create_engine, Column, Integer, String, update
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Product(Base):
    __tablename__ = "products"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    price = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([Product(name="apple pie", price=4), Product(name="banana", price=2),
                 Product(name="apple juice", price=3)])
session.commit()
products = session.query(Product).order_by(Product.id).all()

stmt = update(Product).where(Product.name.like("apple%")).values(price=Product.price + 1)
try:
    session.execute(stmt.execution_options(synchronize_session="evaluate"))
except InvalidRequestError as e:
    print("evaluate:", str(e)[:60], "...")
session.execute(stmt)
print("auto:", [(p.name, p.price) for p in products])
session.commit()
