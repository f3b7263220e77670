# Joined-table inheritance through the unit of work: INSERT into the base table first (with the
# discriminator), then each subclass table with the key; an UPDATE touching both tables; a
# DELETE from the subclass table before the base; get() on the base returns the subclass; an
# expired subclass attribute loads from the subclass table alone.
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]
    __mapper_args__ = {"polymorphic_identity": "person", "polymorphic_on": "kind"}

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Pilot(Person):
    __tablename__ = "pilot"
    id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    hours: Mapped[int]
    __mapper_args__ = {"polymorphic_identity": "pilot"}


class Cook(Person):
    __tablename__ = "cook"
    id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    dish: Mapped[str]
    __mapper_args__ = {"polymorphic_identity": "cook"}


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    a = Pilot(name="amelia", hours=900)
    b = Cook(name="julia", dish="soup")
    c = Pilot(name="chuck", hours=1200)
    d = Person(name="plain")
    print(a.kind, b.kind, d.kind)
    s.add_all([a, b, c, d])
    s.commit()
    print(a.id, b.id, c.id, d.id)
    a.name = "amelia e."
    a.hours = 950
    b.dish = "stew"
    s.commit()
    s.delete(c)
    s.commit()
    print(s.scalars(select(Person).order_by(Person.id)).all())
    print(s.scalars(select(Pilot)).all())

with Session(engine) as s:
    p = s.get(Person, 1)
    print(p, type(p).__name__)
    print(p.hours)
    s.expire(p, ["hours"])
    print(p.hours)
    print(s.get(Pilot, 1) is p)
    s.delete(s.get(Person, 2))
    s.commit()
    print(s.scalars(select(Person.name).order_by(Person.id)).all())
