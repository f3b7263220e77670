# ORM bulk UPDATE by primary key with differing key sets, objects in the identity map
# updated afterwards; 'fetch' is refused for bulk updates.
from sqlalchemy import create_engine, Column, Integer, String, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Pt(Base):
    __tablename__ = "pts"
    id = Column(Integer, primary_key=True)
    x = Column(Integer)
    label = Column(String(10))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Pt(id=i, x=i, label="p%d" % i) for i in range(1, 6)])
s.commit()
objs = s.query(Pt).order_by(Pt.id).all()
r = s.execute(update(Pt), [{"id": 1, "x": 10}, {"id": 2, "x": 20}, {"id": 3, "label": "three"},
                           {"id": 4, "x": 40, "label": "four"}, {"id": 5, "x": 50}])
print(type(r).__name__)
try:
    print(r.rowcount)
except AttributeError as e:
    print('AttributeError:', e)
print([(o.id, o.__dict__.get("x"), o.__dict__.get("label")) for o in objs])
s.execute(update(Pt).execution_options(synchronize_session=False), [{"id": 1, "x": 100}])
print(objs[0].x)
s.commit()
print(objs[0].x)
s.execute(update(Pt).execution_options(synchronize_session="fetch"), [{"id": 1, "x": 1}])
