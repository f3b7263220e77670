# Session.get vs legacy Query.get, get of a missing id, get after delete and after expire,
# get with a composite primary key.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Grade(Base):
    __tablename__ = "grades"
    student = Column(String(10), primary_key=True)
    course = Column(Integer, primary_key=True)
    mark = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Grade(student="ann", course=1, mark=5), Grade(student="ann", course=2, mark=4), Grade(student="bob", course=1, mark=3)])
s.commit()
g = s.get(Grade, ("ann", 2))
print(g.mark)
print(s.get(Grade, {"student": "bob", "course": 1}).mark)
print(s.get(Grade, ("zed", 9)))
print(s.query(Grade).get(("ann", 1)).mark)
s.expire(g)
print(s.get(Grade, ("ann", 2)) is g)
print(g.mark)
s.delete(g)
print(s.get(Grade, ("ann", 2)))
s.flush()
print(s.get(Grade, ("ann", 2)))
s.commit()
print(s.query(Grade.student, Grade.course).order_by(Grade.student, Grade.course).all())
