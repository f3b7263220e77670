# expunge / expunge_all, refresh(obj) and refresh(obj, ["attr"]), expire(obj) then access.
from sqlalchemy import create_engine, Column, Integer, String, update
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Task(Base):
    __tablename__ = "tasks"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    done = Column(Integer, default=0)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Task(title="t1"), Task(title="t2"), Task(title="t3")])
s.commit()
t1, t2, t3 = s.query(Task).order_by(Task.id).all()
s.expunge(t1)
print(t1 in s, len(s.identity_map))
again = s.get(Task, 1)
print(again is t1, again.title)
with engine.begin() as conn:
    conn.execute(update(Task.__table__).values(done=1))
print(t2.done, t3.done)
s.refresh(t2)
print(t2.done)
s.refresh(t3, ["title"])
print(t3.done, t3.title)
s.expire(t3)
print(t3.done)
s.expunge_all()
print(len(s.identity_map), t3.title)
s.close()
