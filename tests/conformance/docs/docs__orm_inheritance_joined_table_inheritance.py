# source: doc/build/orm/inheritance.rst, section "Joined Table Inheritance"
# adapted: the doc's mapping on "sqlite://"; one object of each class is persisted and loaded back through the base class and a subclass
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    type: Mapped[str]

    __mapper_args__ = {
        "polymorphic_identity": "employee",
        "polymorphic_on": "type",
    }

    def __repr__(self):
        return f"{self.__class__.__name__}({self.name!r})"


class Engineer(Employee):
    __tablename__ = "engineer"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    engineer_name: Mapped[str]

    __mapper_args__ = {
        "polymorphic_identity": "engineer",
    }


class Manager(Employee):
    __tablename__ = "manager"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    manager_name: Mapped[str]

    __mapper_args__ = {
        "polymorphic_identity": "manager",
    }


# --- adapted: persist and query ---
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all(
        [
            Employee(name="Plankton"),
            Engineer(name="SpongeBob", engineer_name="Krabby Patty Master"),
            Manager(name="Mr. Krabs", manager_name="Eugene H. Krabs"),
        ]
    )
    session.commit()

    objects = session.scalars(select(Employee).order_by(Employee.id)).all()
    print(objects)
    print(objects[1].engineer_name)
    print(session.scalars(select(Manager)).all())
