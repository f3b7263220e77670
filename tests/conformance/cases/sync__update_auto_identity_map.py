# ORM update(M).where().values() with execution_options(synchronize_session='auto'):
# SQL sent, and every object in the identity map printed afterwards (loaded, modified and
# expired ones).
from sqlalchemy import create_engine, Column, Integer, String, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Emp(Base):
    __tablename__ = "emps"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    dept = Column(String(10))
    salary = Column(Integer)

def dump(label):
    print(label)
    for key, obj in sorted(s.identity_map.items(), key=lambda kv: kv[0][1]):
        print("  ", key[1], obj.__dict__.get("name"), obj.__dict__.get("dept"), obj.__dict__.get("salary"))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Emp(name="ann", dept="eng", salary=100), Emp(name="bob", dept="eng", salary=90),
           Emp(name="cy", dept="ops", salary=80), Emp(name="dee", dept="ops", salary=70)])
s.commit()
ann, bob, cy, dee = s.query(Emp).order_by(Emp.id).all()
bob.salary = 95
s.expire(cy)
dump("before")
result = s.execute(update(Emp).where(Emp.dept == "eng").values(salary=Emp.salary + 5)
                   .execution_options(synchronize_session='auto'))
print("rowcount", result.rowcount)
dump("after update")
print([(e.name, e.salary) for e in (ann, bob, cy, dee)])
s.execute(update(Emp).where(Emp.salary < 90).values(dept="OPS", name=Emp.name + "!")
          .execution_options(synchronize_session='auto'))
dump("after second update")
print([(e.name, e.dept, e.salary) for e in (ann, bob, cy, dee)])
s.commit()
