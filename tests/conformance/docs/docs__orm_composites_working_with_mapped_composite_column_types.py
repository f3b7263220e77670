# source: doc/build/orm/composites.rst, section "Working with Mapped Composite Column Types"
# adapted: the page's Point and Vertex of "Composite Column Types"; session is Session(engine); each shown result printed
import dataclasses

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import composite
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Base(DeclarativeBase):
    pass


class Vertex(Base):
    __tablename__ = "vertices"

    id: Mapped[int] = mapped_column(primary_key=True)

    start: Mapped[Point] = composite(mapped_column("x1"), mapped_column("y1"))
    end: Mapped[Point] = composite(mapped_column("x2"), mapped_column("y2"))

    def __repr__(self):
        return f"Vertex(start={self.start}, end={self.end})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

v = Vertex(start=Point(3, 4), end=Point(5, 6))
session.add(v)
session.commit()

stmt = select(Vertex.start, Vertex.end)
print(session.execute(stmt).all())

stmt = select(Vertex).where(Vertex.start == Point(3, 4)).where(Vertex.end < Point(7, 8))
print(session.scalars(stmt).all())

v1 = session.scalars(select(Vertex)).one()
v1.end = Point(x=10, y=14)
session.commit()
print(v1.end, v1.x2, v1.y2)
