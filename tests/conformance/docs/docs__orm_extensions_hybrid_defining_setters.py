# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Defining Setters"
# adapted: the page's Interval mapping (its imports completed; the section's methods added to the class); an engine with three rows, the statements run
from __future__ import annotations


from sqlalchemy import create_engine
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.ext.hybrid import hybrid_property
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

    @length.inplace.setter
    def _length_setter(self, value: int) -> None:
        self.end = self.start + value

    @hybrid_method
    def contains(self, point: int) -> bool:
        return (self.start <= point) & (point <= self.end)

    @hybrid_method
    def intersects(self, other: Interval) -> bool:
        return self.contains(other.start) | self.contains(other.end)


i1 = Interval(5, 10)
print(i1.length)
i1.length = 12
print(i1.end)

# --- adapted (not in the doc): the statements run against rows ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Interval(5, 10), Interval(1, 20), Interval(12, 15)])
    session.commit()
    i = session.get(Interval, 1)
    i.length = 12
    session.commit()
    print(i.end)
