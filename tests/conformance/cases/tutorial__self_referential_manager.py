# Self-referential one-to-many (employee -> manager) with remote_side and a backref for reports.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker, aliased

Base = declarative_base()


class Employee(Base):
    __tablename__ = "employee"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    manager_id = Column(Integer, ForeignKey("employee.id"))
    manager = relationship("Employee", remote_side=[id], backref="reports")

    def __repr__(self):
        return f"Employee({self.name})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()

ceo = Employee(name="Grace")
cto = Employee(name="Linus", manager=ceo)
dev1 = Employee(name="Ken", manager=cto)
dev2 = Employee(name="Dennis", manager=cto)
session.add_all([ceo, cto, dev1, dev2])
session.commit()

print(ceo.reports, cto.reports, dev1.manager)


def chain(emp):
    names = []
    while emp is not None:
        names.append(emp.name)
        emp = emp.manager
    return " -> ".join(names)


print(chain(dev2))
boss = aliased(Employee)
rows = session.query(Employee.name, boss.name).join(boss, Employee.manager).order_by(Employee.id).all()
print(rows)
print(session.query(Employee).filter(Employee.manager_id == None).one())
print(session.query(Employee).filter(Employee.manager.has(name="Linus")).order_by(Employee.name).all())
