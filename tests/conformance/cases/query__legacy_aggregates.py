# Legacy Query with functions: query(func.count(...)), group_by, having, with_entities,
# exists, and count() on column queries.
from sqlalchemy import create_engine, Column, Integer, String, func
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Sale(Base):
    __tablename__ = "sales"
    id = Column(Integer, primary_key=True)
    shop = Column(String(10))
    amount = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Sale(shop=sh, amount=a) for sh, a in [("x", 5), ("y", 3), ("x", 8), ("z", 1)]])
s.commit()
print(s.query(func.count(Sale.id)).scalar())
print(s.query(func.sum(Sale.amount), func.max(Sale.amount)).one())
print(s.query(Sale.shop, func.sum(Sale.amount)).group_by(Sale.shop).having(func.sum(Sale.amount) > 2).order_by(Sale.shop).all())
print(s.query(Sale).with_entities(Sale.amount).order_by(Sale.amount).all())
print(s.query(s.query(Sale).filter(Sale.amount > 7).exists()).scalar())
print(s.query(Sale.shop).distinct().count())
print(s.query(Sale).filter(Sale.amount > 100).count())
