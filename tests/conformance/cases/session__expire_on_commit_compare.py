# The same work with expire_on_commit=True and False: what is printed after commit and which
# SELECTs that costs, plus a change made by another connection in between.
from sqlalchemy import create_engine, Column, Integer, String, text
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(10))
    n = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
for expire in (True, False):
    print("expire_on_commit =", expire)
    with Session(engine, expire_on_commit=expire) as s:
        items = [Item(name="x%d" % i, n=i) for i in range(3)]
        s.add_all(items)
        s.commit()
        with engine.begin() as conn:
            conn.execute(text("UPDATE items SET n = n + 100"))
        print([(i.name, i.n) for i in items])
        items[0].n = -1
        s.commit()
        print(items[0].n, items[1].n)
    try:
        print("closed", items[2].n)
    except Exception as e:
        print("closed:", type(e).__name__)
