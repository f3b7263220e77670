# Column deferral across joined inheritance: mapper-level deferred columns on base and
# subclass, undefer() and load_only() of a subclass query (the discriminator stays
# loaded), and with_polymorphic leaving deferred subclass columns out.
from sqlalchemy import create_engine, String, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, load_only, defer, undefer, with_polymorphic
class Base(DeclarativeBase): pass
class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    bio: Mapped[str] = mapped_column(deferred=True)
    type: Mapped[str]
    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "employee"}
class Manager(Employee):
    __tablename__ = "manager"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    manager_name: Mapped[str]
    notes: Mapped[str] = mapped_column(deferred=True)
    __mapper_args__ = {"polymorphic_identity": "manager"}
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.add_all([Employee(name="a", bio="b1"), Manager(name="m", bio="b2", manager_name="mm", notes="n")])
    s.commit()
with Session(e) as s:
    for o in s.scalars(select(Employee).order_by(Employee.id)):
        print(type(o).__name__, o.name)
    m = s.scalars(select(Manager).options(undefer(Manager.notes))).one()
    print(m.manager_name, m.notes, m.bio)
with Session(e) as s:
    m = s.scalars(select(Manager).options(load_only(Manager.manager_name))).one()
    print(m.manager_name, m.name)
with Session(e) as s:
    wp = with_polymorphic(Employee, [Manager])
    for o in s.scalars(select(wp).order_by(wp.id)):
        print(type(o).__name__, o.name)
