# Many-to-many declared once with backref=, a set collection on one side; enrolment from either
# side, un-enrolment, deleting a course (its rows of the association table go, the collection
# loaded first) and the legacy Query.
from typing import Set
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

enrolment = Table(
    "enrolment",
    Base.metadata,
    Column("course_id", Integer, ForeignKey("course.id")),
    Column("student_id", Integer, ForeignKey("student.id")),
)

class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    courses: Mapped[Set["Course"]] = relationship(secondary=enrolment, backref="students")

class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    ann = Student(name="ann")
    math, art = Course(title="math"), Course(title="art")
    ann.courses.add(math)
    s.add(ann)
    s.commit()
    ann.courses.add(art)  # one member per flush: a set iterates in no fixed order
    s.commit()
    bob = Student(name="bob")
    math.students.append(bob)
    s.commit()
    print(sorted(c.title for c in ann.courses), [st.name for st in math.students])
    print(type(ann.courses).__name__, type(math.students).__name__)
    ann.courses.discard(art)
    s.commit()
    print(s.execute(select(enrolment).order_by(enrolment.c.course_id, enrolment.c.student_id)).all())
    s.delete(math)
    s.commit()
    print(s.execute(select(enrolment)).all(), ann.courses)
    c = s.query(Course).first()
    print(c.title, c.students)
    c.students = [ann, bob]
    s.flush()
    print(s.execute(select(enrolment).order_by(enrolment.c.student_id)).all())
    c.students = []
    s.commit()
    print(s.execute(select(enrolment)).all())
