# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Composite Hybrid Value Objects"
# adapted: the section's Point and Vertex (imports completed); the statement runs against two rows
from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy import SQLColumnExpression
from sqlalchemy.orm import Session

# --- doc/build/orm/extensions/hybrid.rst ---


@dataclass(eq=False)
class Point(Comparator):
    x: int | SQLColumnExpression[int]
    y: int | SQLColumnExpression[int]

    def operate(self, op, other, **kwargs):
        return op(self.x, other.x) & op(self.y, other.y)

    def __clause_element__(self):
        return tuple_(self.x, self.y)


from sqlalchemy.orm import DeclarativeBase, Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.ext.hybrid import hybrid_property


class Base(DeclarativeBase):
    pass


class Vertex(Base):
    __tablename__ = "vertices"

    id: Mapped[int] = mapped_column(primary_key=True)

    x1: Mapped[int]
    y1: Mapped[int]
    x2: Mapped[int]
    y2: Mapped[int]

    @hybrid_property
    def start(self) -> Point:
        return Point(self.x1, self.y1)

    @start.inplace.setter
    def _set_start(self, value: Point) -> None:
        self.x1 = value.x
        self.y1 = value.y

    @hybrid_property
    def end(self) -> Point:
        return Point(self.x2, self.y2)

    @end.inplace.setter
    def _set_end(self, value: Point) -> None:
        self.x2 = value.x
        self.y2 = value.y

    def __repr__(self) -> str:
        return f"Vertex(start={self.start}, end={self.end})"


v1 = Vertex(start=Point(3, 4), end=Point(15, 10))
print(v1.end == Point(15, 10))
stmt = (
    select(Vertex)
    .where(Vertex.start == Point(3, 4))
    .where(Vertex.end < Point(7, 8))
)
print(stmt)

# --- adapted (not in the doc): the statement runs ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([v1, Vertex(start=Point(3, 4), end=Point(5, 6))])
    session.commit()
    print(session.scalars(stmt).all())
