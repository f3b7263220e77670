# Updating many rows with different values: per object (one UPDATE per changed column set,
# grouped into executemany) versus ORM bulk UPDATE by primary key (one executemany).
from sqlalchemy import create_engine, Integer, String, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    salary: Mapped[int]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Employee(name=f"e{i}", salary=1000) for i in range(1, 6)])
    session.commit()

    # per object: load, change, flush
    for e in session.query(Employee).order_by(Employee.id):
        e.salary = 1000 + e.id * 10
    session.commit()

    # bulk by primary key: no objects needed
    session.execute(update(Employee), [{"id": i, "salary": 2000 + i} for i in range(1, 6)])
    session.commit()
    print([e.salary for e in session.query(Employee).order_by(Employee.id)])
