# Many-to-many with an association Table and backref: students enrolled in courses.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, Table
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()

enrollments = Table(
    "enrollments",
    Base.metadata,
    Column("student_id", Integer, ForeignKey("students.id"), primary_key=True),
    Column("course_id", Integer, ForeignKey("courses.id"), primary_key=True),
)


class Student(Base):
    __tablename__ = "students"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    courses = relationship("Course", secondary=enrollments, backref="students")

    def __repr__(self):
        return f"<Student {self.name}>"


class Course(Base):
    __tablename__ = "courses"
    id = Column(Integer, primary_key=True)
    title = Column(String(100))

    def __repr__(self):
        return f"<Course {self.title}>"


engine = create_engine("sqlite:///school.db")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

math = Course(title="Math")
physics = Course(title="Physics")
art = Course(title="Art")
alice = Student(name="Alice")
bob = Student(name="Bob")
carol = Student(name="Carol")
session.add_all([math, physics, art, alice, bob, carol])
session.commit()

# enrol one course per commit so the association rows go out in a predictable order
alice.courses.append(math)
session.commit()
alice.courses.append(physics)
session.commit()
bob.courses.append(math)
session.commit()
carol.courses.append(art)
session.commit()

print(math.students)
print(sorted(s.name for s in session.query(Course).filter_by(title="Math").one().students))
for student in session.query(Student).order_by(Student.name):
    print(student.name, [c.title for c in student.courses])

# who takes Math?
print(session.query(Student).join(Student.courses).filter(Course.title == "Math").order_by(Student.id).all())

# drop a course
alice.courses.remove(physics)
session.commit()
print(alice.courses, physics.students)

bob.courses.append(art)
session.commit()
print(session.query(Course).filter(Course.students.any(name="Bob")).order_by(Course.id).all())
session.delete(carol)
session.commit()
print(art.students)
