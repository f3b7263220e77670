# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "(top)"
# adapted: the page's Interval mapping (its imports completed; the section's methods added to the class); an engine with three rows, the statements run
from __future__ import annotations


from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import aliased
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

# --- doc/build/orm/extensions/hybrid.rst ---


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
    def intersects(self, other: Interval) -> bool:
        return self.contains(other.start) | self.contains(other.end)


i1 = Interval(5, 10)
print(i1.length)

print(select(Interval.length))

print(select(Interval).filter(Interval.length > 10))

print(select(Interval).filter_by(length=5))

print(i1.contains(6))
print(i1.contains(15))
print(i1.intersects(Interval(7, 18)))
print(i1.intersects(Interval(25, 29)))

print(select(Interval).filter(Interval.contains(15)))

ia = aliased(Interval)
print(select(Interval, ia).filter(Interval.intersects(ia)))

# --- adapted (not in the doc): the statements run against rows ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Interval(5, 10), Interval(1, 20), Interval(12, 15)])
    session.commit()
    print(session.scalars(select(Interval.length)).all())
    print([(i.start, i.end) for i in session.scalars(select(Interval).filter(Interval.length > 10))])
    print([(i.start, i.end) for i in session.scalars(select(Interval).filter_by(length=5))])
    print([(i.start, i.end) for i in session.scalars(select(Interval).filter(Interval.contains(15)))])
    ia = aliased(Interval)
    print([(a.id, b.id) for a, b in session.execute(select(Interval, ia).filter(Interval.intersects(ia)).order_by(Interval.id, ia.id))])
