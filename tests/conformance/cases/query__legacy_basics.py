# Legacy Query: filter, filter_by, order_by, limit, offset, all, first, one, one_or_none,
# scalar, count, get, iteration and query(M.a, M.b).
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Fruit(Base):
    __tablename__ = "fruit"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    color = Column(String(10))
    qty = Column(Integer)

    def __repr__(self):
        return f"<{self.name}>"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Fruit(name=n, color=c, qty=q) for n, c, q in
           [("apple", "red", 5), ("banana", "yellow", 7), ("cherry", "red", 20), ("lime", "green", 1)]])
s.commit()
q = s.query(Fruit)
print(q.filter(Fruit.qty > 4).order_by(Fruit.qty.desc()).all())
print(q.filter_by(color="red").order_by(Fruit.name).all())
print(q.filter_by(color="red", qty=5).one())
print(q.filter(Fruit.color == "red").filter(Fruit.qty < 10).all())
print(q.order_by(Fruit.id).limit(2).all())
print(q.order_by(Fruit.id).offset(1).limit(2).all())
print(q.order_by(Fruit.id).offset(3).all())
print(q.order_by(Fruit.name).first())
print(q.filter_by(color="blue").first())
print(q.filter_by(color="blue").one_or_none())
print(q.filter_by(name="lime").one_or_none())
print(s.query(Fruit.qty).filter_by(name="banana").scalar())
print(q.count(), q.filter_by(color="red").count())
print(q.get(3))
for f in q.filter(Fruit.qty < 10).order_by(Fruit.id):
    print(f.name, f.qty)
rows = s.query(Fruit.name, Fruit.qty).order_by(Fruit.qty).all()
print(rows, rows[0].name, rows[0][1])
print(s.query(Fruit).filter(Fruit.name.in_(["apple", "lime"])).order_by(Fruit.id)[0:1])
print(s.query(Fruit.color).distinct().order_by(Fruit.color).all())
print(q.order_by(Fruit.id)[2])
