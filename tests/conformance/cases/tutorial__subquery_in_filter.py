# Subqueries with the Query API: .subquery() joined back, scalar_subquery() in a filter,
# and in_() against a subquery.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, func
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Dept(Base):
    __tablename__ = "dept"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))


class Emp(Base):
    __tablename__ = "emp"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    salary = Column(Integer)
    dept_id = Column(Integer, ForeignKey("dept.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()
session.add_all([Dept(id=1, name="eng"), Dept(id=2, name="ops")])
session.add_all([Emp(name="a", salary=100, dept_id=1), Emp(name="b", salary=80, dept_id=1),
                 Emp(name="c", salary=60, dept_id=2), Emp(name="d", salary=90, dept_id=2)])
session.commit()

avg_salary = session.query(func.avg(Emp.salary)).scalar_subquery()
print(session.query(Emp.name).filter(Emp.salary > avg_salary).order_by(Emp.name).all())

stats = (
    session.query(Emp.dept_id, func.max(Emp.salary).label("top"))
    .group_by(Emp.dept_id)
    .subquery()
)
print(session.query(Dept.name, stats.c.top).join(stats, Dept.id == stats.c.dept_id).order_by(Dept.name).all())

eng_ids = session.query(Dept.id).filter(Dept.name == "eng")
print(session.query(Emp).filter(Emp.dept_id.in_(eng_ids)).count())
print(session.query(Emp.name).filter(Emp.dept_id.in_(session.query(Dept.id).filter(Dept.name == "ops").subquery())).order_by(Emp.id).all())
