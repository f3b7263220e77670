# The Interval example of sqlalchemy.ext.hybrid's documentation: hybrid_property and
# hybrid_method on instances, on the class (select, filter, filter_by, order_by) and on an alias.
from sqlalchemy import create_engine, select
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column


class Base(DeclarativeBase):
    pass


class Interval(Base):
    __tablename__ = "interval"

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]

    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end

    @hybrid_property
    def length(self) -> int:
        return self.end - self.start

    @hybrid_method
    def contains(self, point: int) -> bool:
        return (self.start <= point) & (point <= self.end)

    @hybrid_method
    def intersects(self, other: "Interval") -> bool:
        return self.contains(other.start) | self.contains(other.end)


i1 = Interval(5, 10)
print(i1.length)
print(i1.contains(6), i1.contains(15))
print(i1.intersects(Interval(7, 18)), i1.intersects(Interval(25, 29)))

print(Interval.length)
print(select(Interval.length))
print(select(Interval).filter(Interval.length > 10))
print(select(Interval).filter_by(length=5))
print(select(Interval).filter(Interval.contains(15)))
ia = aliased(Interval)
print(select(Interval, ia).filter(Interval.intersects(ia)))
print(select(ia.length))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([i1, Interval(1, 3), Interval(10, 30), Interval(12, 14)])
    session.commit()
    for iv in session.scalars(select(Interval).where(Interval.length > 2).order_by(Interval.length.desc())):
        print(iv.start, iv.end, iv.length)
    print(session.execute(select(Interval.id, Interval.length).order_by(Interval.id)).all())
    print(session.scalars(select(Interval.start).where(Interval.contains(13)).order_by(Interval.start)).all())
    other = aliased(Interval)
    rows = session.execute(
        select(Interval.id, other.id)
        .where(Interval.intersects(other))
        .where(Interval.id < other.id)
        .order_by(Interval.id, other.id)
    ).all()
    print(rows)
    print(session.query(Interval.id, Interval.length).filter_by(length=2).order_by(Interval.id).all())
