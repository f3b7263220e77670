# Single-table inheritance: subclasses share the base table; the discriminator is set on
# construction, a subclass SELECT adds `kind IN (...)`, and base SELECTs return subclasses.
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Vehicle(Base):
    __tablename__ = "vehicle"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]
    __mapper_args__ = {"polymorphic_identity": "vehicle", "polymorphic_on": "kind"}

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Car(Vehicle):
    __mapper_args__ = {"polymorphic_identity": "car"}


class Truck(Vehicle):
    __mapper_args__ = {"polymorphic_identity": "truck"}


class BigTruck(Truck):
    __mapper_args__ = {"polymorphic_identity": "bigtruck"}


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Car(name="mini"), Truck(name="pickup"), BigTruck(name="rig"), Vehicle(name="cart")])
    s.commit()
    print(s.scalars(select(Vehicle).order_by(Vehicle.id)).all())
    print(s.scalars(select(Truck).order_by(Truck.id)).all())
    print(s.scalars(select(Car)).all())
    t = s.scalars(select(Truck).where(Truck.name == "rig")).one()
    t.name = "big rig"
    s.commit()
    s.delete(t)
    s.commit()
    print(s.scalars(select(Vehicle.name).order_by(Vehicle.id)).all())
