# source: doc/build/orm/inheritance.rst, section "Single Table Inheritance"
# adapted: the doc's mapping on a DeclarativeBase and "sqlite://"; one object of each class is persisted and loaded back through the base class and a subclass
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
        "polymorphic_on": "type",
        "polymorphic_identity": "employee",
    }

    def __repr__(self):
        return f"{self.__class__.__name__}({self.name!r})"


class Manager(Employee):
    manager_data: Mapped[str] = mapped_column(nullable=True)

    __mapper_args__ = {
        "polymorphic_identity": "manager",
    }


class Engineer(Employee):
    engineer_info: Mapped[str] = mapped_column(nullable=True)

    __mapper_args__ = {
        "polymorphic_identity": "engineer",
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
            Manager(name="Mr. Krabs", manager_data="Eugene H. Krabs"),
            Engineer(name="SpongeBob", engineer_info="Krabby Patty Master"),
        ]
    )
    session.commit()

    objects = session.scalars(select(Employee).order_by(Employee.id)).all()
    print(objects)
    print(objects[1].manager_data)
    engineers = session.scalars(select(Engineer)).all()
    print(engineers, engineers[0].engineer_info)
