# 'evaluate' with a Numeric column: the SET value is computed in Python on Decimal values;
# what the loaded objects show vs. what is reloaded.
from decimal import Decimal
from sqlalchemy import create_engine, Column, Integer, String, Numeric, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Price(Base):
    __tablename__ = "prices"
    id = Column(Integer, primary_key=True)
    item = Column(String(10))
    amount = Column(Numeric(10, 2))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Price(item="a", amount=Decimal("2.50")), Price(item="b", amount=Decimal("10")), Price(item="c", amount=3)])
s.commit()
prices = s.query(Price).order_by(Price.id).all()
print([p.amount for p in prices])
s.execute(update(Price).where(Price.amount < 5).values(amount=Price.amount * 2).execution_options(synchronize_session="evaluate"))
print([p.amount for p in prices])
s.execute(update(Price).where(Price.item == "b").values(amount=Price.amount + Decimal("0.125")))
print([p.amount for p in prices])
s.execute(update(Price).where(Price.item == "a").values(amount=Price.amount / 3))
print([p.amount for p in prices])
s.commit()
print([p.amount for p in prices])
