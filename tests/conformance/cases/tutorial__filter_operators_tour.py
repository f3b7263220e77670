# "Common filter operators" cheat-sheet from a tutorial: ==, !=, like, ilike, in_, not in,
# is None, between, and_, or_, not_, startswith/endswith/contains.
from sqlalchemy import create_engine, Column, Integer, String, and_, or_, not_
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Employee(Base):
    __tablename__ = 'employees'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    dept = Column(String(20))
    salary = Column(Integer)
    manager = Column(String(40), nullable=True)

    def __repr__(self):
        return f"Employee({self.name!r})"


engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
session.add_all([
    Employee(name='Alice', dept='eng', salary=120, manager=None),
    Employee(name='bob', dept='eng', salary=95, manager='Alice'),
    Employee(name='Carol', dept='sales', salary=70, manager='Dan'),
    Employee(name='Dan', dept='sales', salary=88, manager=None),
    Employee(name='Eve', dept='hr', salary=60, manager='Dan'),
])
session.commit()

q = session.query(Employee)
print(q.filter(Employee.name == 'Alice').all())
print(q.filter(Employee.name != 'Alice').order_by(Employee.id).all())
print(q.filter(Employee.name.like('%o%')).all())
print(q.filter(Employee.name.ilike('B%')).all())
print(q.filter(Employee.dept.in_(['hr', 'sales'])).order_by(Employee.name).all())
print(q.filter(~Employee.dept.in_(['hr', 'sales'])).all())
print(q.filter(Employee.dept.notin_(['eng'])).count())
print(q.filter(Employee.manager == None).all())
print(q.filter(Employee.manager.is_(None)).count(), q.filter(Employee.manager.isnot(None)).count())
print(q.filter(Employee.salary.between(80, 100)).all())
print(q.filter(and_(Employee.dept == 'eng', Employee.salary > 100)).all())
print(q.filter(or_(Employee.dept == 'hr', Employee.salary < 75)).all())
print(q.filter(not_(Employee.dept == 'eng')).count())
print(q.filter(Employee.dept == 'sales', Employee.salary > 80).one())
print(q.filter(Employee.name.startswith('C')).all(), q.filter(Employee.name.endswith('e')).all())
print(q.filter(Employee.name.contains('ar')).all())
print(q.filter(Employee.salary >= 88).filter(Employee.salary <= 120).order_by(Employee.salary.desc()).all())
