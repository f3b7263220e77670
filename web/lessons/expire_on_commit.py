# expire_on_commit=True (the default) expires every object at commit: the next attribute
# access reloads it with a SELECT. With False, objects keep what they had, stale or not.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()

class Counter(Base):
    __tablename__ = "counters"
    id = Column(Integer, primary_key=True)
    name = Column(String(10))
    value = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

Expiring = sessionmaker(bind=engine)
with Expiring() as session:
    c = Counter(name="a", value=1)
    session.add(c)
    session.commit()
    print("expire_on_commit=True: ", c.value, "<- reloaded with a SELECT")

Keeping = sessionmaker(bind=engine, expire_on_commit=False)
with Keeping() as session:
    c = Counter(name="b", value=2)
    session.add(c)
    session.commit()
    print("expire_on_commit=False:", c.value, "<- no SQL")
