# Legacy Query.update() / Query.delete() with each synchronize_session value
# (default, 'evaluate', 'fetch', False), objects printed after each.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Stock(Base):
    __tablename__ = "stock"
    id = Column(Integer, primary_key=True)
    sym = Column(String(10))
    qty = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Stock(sym=x, qty=q) for x, q in [("aa", 1), ("bb", 2), ("cc", 3), ("dd", 4), ("ee", 5), ("ff", 6)]])
s.commit()
objs = s.query(Stock).order_by(Stock.id).all()

def show(label):
    print(label, [(o.sym, o.__dict__.get("qty")) for o in objs if o in s])

print(s.query(Stock).filter(Stock.qty < 3).update({Stock.qty: Stock.qty + 10}))
show("default")
print(s.query(Stock).filter(Stock.sym == "cc").update({"qty": 30}, synchronize_session="evaluate"))
show("evaluate")
print(s.query(Stock).filter(Stock.sym.in_(["dd", "ee"])).update({Stock.qty: 0}, synchronize_session="fetch"))
show("fetch")
print(s.query(Stock).filter(Stock.sym == "ff").update({Stock.qty: 60}, synchronize_session=False))
show("False")
print(s.query(Stock).filter(Stock.qty == 0).delete(synchronize_session="evaluate"))
show("delete evaluate")
print(s.query(Stock).filter(Stock.qty > 20).delete(synchronize_session="fetch"))
show("delete fetch")
print(s.query(Stock).filter(Stock.qty == 11).delete(synchronize_session=False))
show("delete False")
print(s.query(Stock).filter(Stock.qty == 12).delete())
show("delete default")
s.commit()
show("after commit")
