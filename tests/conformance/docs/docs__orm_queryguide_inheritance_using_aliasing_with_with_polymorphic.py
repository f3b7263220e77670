# source: doc/build/orm/queryguide/inheritance.rst, section "Using aliasing with with_polymorphic" (preceded by the page's earlier sections; setup: orm/queryguide/_inheritance_setup.rst)
# --- setup: doc/build/orm/queryguide/_inheritance_setup.rst ---
from typing import List
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

class Base(DeclarativeBase):
    pass

class Company(Base):
    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    employees: Mapped[List["Employee"]] = relationship(back_populates="company")

class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    type: Mapped[str]
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"))
    company: Mapped[Company] = relationship(back_populates="employees")

    def __repr__(self):
        return f"{self.__class__.__name__}({self.name!r})"

    __mapper_args__ = {
        "polymorphic_identity": "employee",
        "polymorphic_on": "type",
    }

class Manager(Employee):
    __tablename__ = "manager"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    manager_name: Mapped[str]
    paperwork: Mapped[List["Paperwork"]] = relationship()
    __mapper_args__ = {
        "polymorphic_identity": "manager",
    }

class Paperwork(Base):
    __tablename__ = "paperwork"
    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("manager.id"))
    document_name: Mapped[str]

    def __repr__(self):
        return f"Paperwork({self.document_name!r})"

class Engineer(Employee):
    __tablename__ = "engineer"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    engineer_info: Mapped[str]
    __mapper_args__ = {
        "polymorphic_identity": "engineer",
    }

engine = create_engine("sqlite://", echo=True)

Base.metadata.create_all(engine)

conn = engine.connect()

from sqlalchemy.orm import Session

session = Session(conn)

session.add(
    Company(
        name="Krusty Krab",
        employees=[
            Manager(
                name="Mr. Krabs",
                manager_name="Eugene H. Krabs",
                paperwork=[
                    Paperwork(document_name="Secret Recipes"),
                    Paperwork(document_name="Krabby Patty Orders"),
                ],
            ),
            Engineer(name="SpongeBob", engineer_info="Krabby Patty Master"),
            Engineer(
                name="Squidward",
                engineer_info="Senior Customer Engagement Engineer",
            ),
        ],
    )
)

session.commit()

# --- doc/build/orm/queryguide/inheritance.rst: "SELECTing from the base class vs. specific sub-classes" ---
from sqlalchemy import select
stmt = select(Manager).order_by(Manager.id)
managers = session.scalars(stmt).all()
print(managers)
session.close()
from sqlalchemy import select
stmt = select(Employee).order_by(Employee.id)
objects = session.scalars(stmt).all()
print(objects)
mr_krabs = objects[0]
print(mr_krabs.manager_name)

# --- doc/build/orm/queryguide/inheritance.rst: "Using selectin_polymorphic()" ---
session.close()
from sqlalchemy.orm import selectin_polymorphic
loader_opt = selectin_polymorphic(Employee, [Manager, Engineer])
from sqlalchemy.orm import selectin_polymorphic
loader_opt = selectin_polymorphic(Employee, [Manager, Engineer])
stmt = select(Employee).order_by(Employee.id).options(loader_opt)
objects = session.scalars(stmt).all()
print(objects)
print(objects[0].manager_name)

# --- doc/build/orm/queryguide/inheritance.rst: "Applying selectin_polymorphic() to an existing eager load" ---
session.close()
from sqlalchemy.orm import selectinload

stmt = select(Company).options(
    selectinload(Company.employees).selectin_polymorphic([Manager, Engineer])
)

for company in session.scalars(stmt):
    print(f"company: {company.name}")
    print(f"employees: {company.employees}")

# --- doc/build/orm/queryguide/inheritance.rst: "Applying loader options to the subclasses loaded by selectin_polymorphic" ---
from sqlalchemy.orm import selectin_polymorphic

stmt = (
    select(Employee)
    .order_by(Employee.id)
    .options(
        selectin_polymorphic(Employee, [Manager, Engineer]),
        selectinload(Manager.paperwork),
    )
)

objects = session.scalars(stmt).all()

print(objects[0])

print(objects[0].paperwork)

# --- doc/build/orm/queryguide/inheritance.rst: "Applying loader options when selectin_polymorphic is itself a sub-option" ---
session.close()
from sqlalchemy.orm import selectinload

stmt = select(Company).options(
    selectinload(Company.employees).options(
        selectin_polymorphic(Employee, [Manager, Engineer]),
        selectinload(Manager.paperwork),
    )
)

for company in session.scalars(stmt):
    print(f"company: {company.name}")
    for employee in company.employees:
        if isinstance(employee, Manager):
            print(f"manager: {employee.name} paperwork: {employee.paperwork}")

# --- doc/build/orm/queryguide/inheritance.rst: "Using with_polymorphic()" ---
session.close()
from sqlalchemy.orm import with_polymorphic
employee_poly = with_polymorphic(Employee, [Engineer, Manager])
employee_poly = with_polymorphic(Employee, "*")
stmt = select(employee_poly).order_by(employee_poly.id)
objects = session.scalars(stmt).all()
print(objects)
print(objects[0].manager_name)

# --- doc/build/orm/queryguide/inheritance.rst: "Filtering Subclass Attributes with with_polymorphic()" ---
from sqlalchemy import or_
employee_poly = with_polymorphic(Employee, [Engineer, Manager])

stmt = (
    select(employee_poly)
    .where(
        or_(
            employee_poly.Manager.manager_name == "Eugene H. Krabs",
            employee_poly.Engineer.engineer_info
            == "Senior Customer Engagement Engineer",
        )
    )
    .order_by(employee_poly.id)
)

objects = session.scalars(stmt).all()

print(objects)

# --- doc/build/orm/queryguide/inheritance.rst: "Using aliasing with with_polymorphic" ---
manager_employee = with_polymorphic(Employee, [Manager], aliased=True, flat=True)
engineer_employee = with_polymorphic(Employee, [Engineer], aliased=True, flat=True)

stmt = (
    select(manager_employee, engineer_employee)
    .join(
        engineer_employee,
        engineer_employee.company_id == manager_employee.company_id,
    )
    .where(
        or_(
            manager_employee.name == "Mr. Krabs",
            manager_employee.Manager.manager_name == "Eugene H. Krabs",
        )
    )
    .order_by(engineer_employee.name, manager_employee.name)
)

for manager, engineer in session.execute(stmt):
    print(f"{manager} {engineer}")

manager_employee = with_polymorphic(Employee, [Manager], aliased=True)

engineer_employee = with_polymorphic(Employee, [Engineer], aliased=True)

stmt = (
    select(manager_employee, engineer_employee)
    .join(
        engineer_employee,
        engineer_employee.company_id == manager_employee.company_id,
    )
    .where(
        or_(
            manager_employee.name == "Mr. Krabs",
            manager_employee.Manager.manager_name == "Eugene H. Krabs",
        )
    )
    .order_by(engineer_employee.name, manager_employee.name)
)

print(stmt)
