# source: doc/build/orm/composites.rst, section "Composite Column Types"
# adapted: the page's Point and Vertex, the CreateTable printed as the page shows, then one Vertex flushed and loaded
import dataclasses

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import composite
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable


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


print(CreateTable(Vertex.__table__))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Vertex(start=Point(3, 4), end=Point(5, 6)))
    session.commit()
    print(session.scalars(select(Vertex)).one())
