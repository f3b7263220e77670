# "Bulk" operations the 2.0 way: session.execute(insert(Model), list_of_dicts),
# update(Model).where(...).values(...) with synchronize_session, update by primary key
# with a list of dicts, delete(Model).where(...), and rowcount reporting.
from sqlalchemy import String, create_engine, delete, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    dept: Mapped[str] = mapped_column(String(20))
    salary: Mapped[int]

    def __repr__(self):
        return f"{self.name}/{self.dept}/{self.salary}"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

data = [
    {"name": "Ann", "dept": "eng", "salary": 100},
    {"name": "Ben", "dept": "eng", "salary": 90},
    {"name": "Cat", "dept": "ops", "salary": 70},
    {"name": "Dan", "dept": "ops", "salary": 65},
    {"name": "Eve", "dept": "hr", "salary": 60},
]

with Session(engine) as session:
    session.execute(insert(Employee), data)
    session.commit()

    ann = session.scalars(select(Employee).filter_by(name="Ann")).one()
    result = session.execute(
        update(Employee).where(Employee.dept == "eng").values(salary=Employee.salary + 10)
    )
    print("raised:", result.rowcount, ann)

    result = session.execute(
        update(Employee)
        .where(Employee.salary < 70)
        .values(dept="junior")
        .execution_options(synchronize_session="fetch")
    )
    print("moved:", result.rowcount)

    session.execute(
        update(Employee),
        [{"id": 3, "salary": 75}, {"id": 4, "salary": 68}],
    )
    result = session.execute(delete(Employee).where(Employee.dept == "hr"))
    print("deleted:", result.rowcount)
    session.commit()

    for e in session.scalars(select(Employee).order_by(Employee.id)):
        print(e)

    new_ids = session.scalars(
        insert(Employee).returning(Employee.id),
        [{"name": "Fay", "dept": "eng", "salary": 80}, {"name": "Gus", "dept": "ops", "salary": 50}],
    ).all()
    print("new ids:", new_ids)
    session.commit()
