# 2.0 style through the session: execute(select(M)).scalars(), session.scalars, session.scalar,
# execute of column selects returning Rows, and select of two entities.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Car(Base):
    __tablename__ = "cars"
    id: Mapped[int] = mapped_column(primary_key=True)
    make: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]

    def __repr__(self):
        return f"Car({self.make}, {self.year})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Car(make="volvo", year=1999), Car(make="saab", year=1987), Car(make="fiat", year=2010)])
    s.commit()
    print(s.execute(select(Car).order_by(Car.year)).scalars().all())
    print(s.scalars(select(Car).where(Car.year > 1990).order_by(Car.make)).all())
    print(s.scalar(select(Car).where(Car.make == "saab")))
    print(s.scalar(select(func.max(Car.year))))
    rows = s.execute(select(Car.make, Car.year).order_by(Car.id)).all()
    print(rows, rows[0].make)
    row = s.execute(select(Car).where(Car.id == 1)).one()
    print(row, row.Car, row[0])
    print(s.execute(select(Car.id, Car).order_by(Car.id.desc()).limit(1)).first())
    print(s.scalars(select(Car.make).order_by(Car.make)).all())
    print(s.execute(select(Car).where(Car.year < 2000).order_by(Car.id)).scalars().first())
    print(s.scalars(select(Car).filter_by(make="fiat")).one().year)
    print(s.execute(select(Car.make).where(Car.year > 3000)).scalar_one_or_none())
    print([c.make for c in s.scalars(select(Car).order_by(Car.id).offset(1).limit(5))])
