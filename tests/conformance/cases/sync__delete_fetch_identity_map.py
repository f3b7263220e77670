# ORM delete(M).where() with execution_options(synchronize_session='fetch'): which objects
# are still in the session afterwards, and what happens when one is touched.
from sqlalchemy import create_engine, Column, Integer, String, delete, inspect
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Emp(Base):
    __tablename__ = "emps"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    salary = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Emp(name=n, salary=v) for n, v in [("ann", 100), ("bob", 90), ("cy", 80), ("dee", 70)]])
s.commit()
emps = s.query(Emp).order_by(Emp.id).all()
result = s.execute(delete(Emp).where(Emp.salary >= 85).execution_options(synchronize_session='fetch'))
print("rowcount", result.rowcount)
for e in emps:
    i = inspect(e)
    print(e.id, e in s, i.persistent, i.deleted, i.detached, i.was_deleted)
print(sorted(k[1] for k in s.identity_map))
s.commit()
print([e.name for e in s.query(Emp).order_by(Emp.id)])
