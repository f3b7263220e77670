# hybrid_property modifiers: .inplace.expression with @classmethod, .inplace.setter, the
# same-name @x.setter / @x.expression form, and a setter reached through the constructor.
from sqlalchemy import Float, create_engine, func, select, type_coerce
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Interval(Base):
    __tablename__ = "interval"

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]

    @hybrid_property
    def length(self) -> int:
        return self.end - self.start

    @length.inplace.setter
    def _length_setter(self, value: int) -> None:
        self.end = self.start + value

    @hybrid_property
    def radius(self) -> float:
        return abs(self.length) / 2

    @radius.inplace.expression
    @classmethod
    def _radius_expression(cls):
        return type_coerce(func.abs(cls.length) / 2, Float)


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    first: Mapped[str]
    last: Mapped[str]

    @hybrid_property
    def name(self):
        return self.first + " " + self.last

    @name.setter
    def name(self, value):
        self.first, self.last = value.split(" ", 1)

    @name.expression
    def name(cls):
        return func.upper(cls.first + " " + cls.last)


i1 = Interval(start=5, end=10)
print(i1.length, i1.radius)
i1.length = 12
print(i1.end, i1.radius)
print(select(Interval).filter(Interval.radius > 5))
print(select(Interval.radius, Interval.length.label("len")))

p = Person(name="Ada Lovelace")
print(p.first, p.last, p.name)
print(select(Person.name).where(Person.name.like("A%")))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([i1, Interval(start=1, end=2), p, Person(first="Alan", last="Turing")])
    session.commit()
    print(session.scalars(select(Interval.radius).order_by(Interval.id)).all())
    print(session.scalars(select(Interval.id).where(Interval.radius > 1)).all())
    print(session.scalars(select(Person.name).order_by(Person.name)).all())
    got = session.scalars(select(Person).filter_by(name="ALAN TURING")).one()
    got.name = "Alan M Turing"
    session.commit()
    print(got.first, got.last)
    try:
        Person.name = 5
        print(Person.name)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        i1.radius = 3
    except AttributeError as e:
        print("AttributeError", e)
