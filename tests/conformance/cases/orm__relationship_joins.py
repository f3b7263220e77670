# Joins across a relationship: select(...).join(Parent.children), Query.join, where on the
# joined entity, and selecting columns from both.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Dept(Base):
    __tablename__ = "dept"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    staff: Mapped[List["Emp"]] = relationship(back_populates="dept")

class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    salary: Mapped[int]
    dept_id: Mapped[int] = mapped_column(ForeignKey("dept.id"))
    dept: Mapped[Dept] = relationship(back_populates="staff")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Dept(name="eng", staff=[Emp(name="ann", salary=10), Emp(name="bob", salary=8)]),
               Dept(name="ops", staff=[Emp(name="cy", salary=7)]), Dept(name="empty")])
    s.commit()
    q = select(Emp.name, Dept.name).join(Emp.dept).order_by(Emp.name)
    print(s.execute(q).all())
    q = select(Dept).join(Dept.staff).where(Emp.salary > 7).distinct().order_by(Dept.id)
    print([d.name for d in s.scalars(q)])
    q = select(Dept.name, func.count(Emp.id)).outerjoin(Dept.staff).group_by(Dept.id).order_by(Dept.id)
    print(s.execute(q).all())
    print([e.name for e in s.query(Emp).join(Emp.dept).filter(Dept.name == "eng").order_by(Emp.id)])
    print(s.query(Dept.name, Emp.name).join(Dept.staff).filter(Emp.name.startswith("c")).all())
    print([e.name for e in s.scalars(select(Emp).where(Emp.dept.has(Dept.name == "ops")))])
    print([d.name for d in s.scalars(select(Dept).where(Dept.staff.any(Emp.salary > 9)))])
