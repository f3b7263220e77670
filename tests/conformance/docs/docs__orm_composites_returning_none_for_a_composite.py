# source: doc/build/orm/composites.rst, section "Returning None for a Composite"
# adapted: the page's Vertex (of "Composite Column Types"); the page's select(Point.start) / Point.x1 are written as Vertex.start / Vertex.x1; then the Optional form on a second base
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

    start: Mapped[Point] = composite(mapped_column("x1", nullable=True), mapped_column("y1", nullable=True))
    end: Mapped[Point] = composite(mapped_column("x2", nullable=True), mapped_column("y2", nullable=True))


v1 = Vertex()
print(v1.start)
print(v1.end)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Vertex())
session.commit()
start = session.scalars(
    select(Vertex.start).where(Vertex.x1 == None, Vertex.y1 == None)
).first()
print(start)
session.close()


class Base2(DeclarativeBase):
    pass


class Vertex2(Base2):
    __tablename__ = "vertices"

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[Point | None] = composite(mapped_column("x1"), mapped_column("y1"))
    end: Mapped[Point | None] = composite(mapped_column("x2"), mapped_column("y2"))


v1 = Vertex2()
print(v1.start)
