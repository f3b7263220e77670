# Deleting: one object at a time (session.delete + flush) versus a bulk DELETE, and what
# happens to objects already loaded: synchronize_session decides whether they leave the session.
from sqlalchemy import create_engine, Column, Integer, String, delete, inspect
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Task(Base):
    __tablename__ = "tasks"
    id = Column(Integer, primary_key=True)
    title = Column(String(50))
    done = Column(Integer, default=0)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([Task(title=f"t{i}", done=i % 2) for i in range(6)])
session.commit()
tasks = session.query(Task).order_by(Task.id).all()

session.delete(tasks[0])
session.flush()
session.execute(delete(Task).where(Task.done == 1))  # 'auto' evaluates the WHERE in Python
print([(t.title, t in session, inspect(t).deleted) for t in tasks])
session.commit()
print("left:", [t.title for t in session.query(Task).order_by(Task.id)])
