# What 'evaluate' / 'auto' do with SET values or WHERE clauses Python cannot evaluate:
# a SQL function in SET (attribute expired, reloaded later), Float arithmetic, a function in
# WHERE under 'auto' (falls back to 'fetch'), and under 'evaluate' (error).
from sqlalchemy import create_engine, Column, Integer, String, Float, update, func
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class M(Base):
    __tablename__ = "m"
    id = Column(Integer, primary_key=True)
    name = Column(String(10))
    n = Column(Integer)
    rate = Column(Float)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([M(name="Ab", n=1, rate=1.5), M(name="cd", n=2, rate=2.5), M(name="EF", n=3, rate=4.0)])
s.commit()
objs = s.query(M).order_by(M.id).all()

def show(label):
    print(label, [(o.__dict__.get("name"), o.__dict__.get("n"), o.__dict__.get("rate")) for o in objs])

s.execute(update(M).where(M.n >= 2).values(name=func.upper(M.name)).execution_options(synchronize_session="evaluate"))
show("func in SET")
print([o.name for o in objs])
s.execute(update(M).where(M.n == 1).values(rate=M.rate * 2).execution_options(synchronize_session="evaluate"))
show("float arithmetic")
print(objs[0].rate)
s.execute(update(M).where(M.n // 2 == 1).values(n=M.n + 100))
show("floordiv WHERE auto")
s.execute(update(M).where(func.lower(M.name) == "ab").values(n=0))
show("func WHERE auto")
s.execute(update(M).where(M.name.startswith("E")).values(n=M.n * 2))
show("startswith WHERE auto")
s.execute(update(M).where(M.rate > 2).values(rate=M.rate + 1).execution_options(synchronize_session="evaluate"))
show("float compare WHERE")
s.commit()
s.execute(update(M).where(func.length(M.name) == 2).values(n=7).execution_options(synchronize_session="evaluate"))
