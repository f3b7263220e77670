# Aggregate functions with the legacy Query API: count/sum/avg/min/max, label, group_by, having.
from sqlalchemy import create_engine, Column, Integer, String, Numeric, func, desc
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Sale(Base):
    __tablename__ = "sales"
    id = Column(Integer, primary_key=True)
    region = Column(String(10))
    product = Column(String(20))
    quantity = Column(Integer)
    amount = Column(Integer)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()

rows = [
    ("north", "apple", 10, 50), ("north", "pear", 5, 40), ("south", "apple", 7, 35),
    ("south", "apple", 3, 15), ("east", "plum", 1, 9), ("north", "apple", 2, 10),
]
for region, product, qty, amount in rows:
    session.add(Sale(region=region, product=product, quantity=qty, amount=amount))
session.commit()

print(session.query(func.count(Sale.id)).scalar())
print(session.query(func.sum(Sale.amount)).scalar())
print(session.query(func.max(Sale.quantity), func.min(Sale.quantity)).one())
print(session.query(func.avg(Sale.amount)).filter(Sale.region == "north").scalar())

results = (
    session.query(Sale.region, func.count(Sale.id).label("n"), func.sum(Sale.amount).label("total"))
    .group_by(Sale.region)
    .order_by(desc("total"))
    .all()
)
for r in results:
    print(r.region, r.n, r.total)

big = (
    session.query(Sale.product, func.sum(Sale.quantity))
    .group_by(Sale.product)
    .having(func.sum(Sale.quantity) > 5)
    .order_by(Sale.product)
    .all()
)
print(big)
print(session.query(func.count(func.distinct(Sale.product))).scalar())
print(session.query(Sale.region, Sale.product, func.count()).group_by(Sale.region, Sale.product).order_by(Sale.region, Sale.product).all())
total = func.sum(Sale.amount).label("total")
top = session.query(Sale.region, total).group_by(Sale.region).order_by(total.desc()).first()
print(f"top region: {top.region} ({top.total})")
