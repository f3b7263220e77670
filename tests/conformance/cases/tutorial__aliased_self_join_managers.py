# aliased() for self joins: employees with their manager's name, a LEFT OUTER JOIN keeping
# the top manager, pairs of colleagues with the same manager, and filter_by on an alias.
from typing import Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column


class Base(DeclarativeBase):
    pass


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("staff.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        Staff(id=1, name="Gail"),
        Staff(id=2, name="Hugo", manager_id=1),
        Staff(id=3, name="Ines", manager_id=1),
        Staff(id=4, name="Jack", manager_id=2),
    ])
    session.commit()

    Manager = aliased(Staff, name="manager")
    stmt = select(Staff.name, Manager.name.label("boss")).join(Manager, Staff.manager_id == Manager.id).order_by(Staff.id)
    print(stmt)
    print(session.execute(stmt).all())

    stmt = select(Staff.name, Manager.name).outerjoin(Manager, Staff.manager_id == Manager.id).order_by(Staff.name)
    for emp, boss in session.execute(stmt):
        print(f"{emp} reports to {boss or 'nobody'}")

    a, b = aliased(Staff), aliased(Staff)
    pairs = select(a.name, b.name).join(b, a.manager_id == b.manager_id).where(a.id < b.id)
    print(session.execute(pairs).all())

    print(session.scalars(select(Staff.name).join(Manager, Staff.manager_id == Manager.id).where(Manager.name == "Gail")).all())
    print(session.scalars(select(Manager).filter_by(name="Hugo")).one().id)
