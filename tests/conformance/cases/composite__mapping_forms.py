# composite(): columns mapped first then passed, attribute names, a legacy (non-dataclass) class
import dataclasses

from sqlalchemy import Integer, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, composite, mapped_column


@dataclasses.dataclass
class Point:
    x: int
    y: int


class LegacyPoint:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __composite_values__(self):
        return self.x, self.y

    def __repr__(self):
        return f"LegacyPoint(x={self.x!r}, y={self.y!r})"

    def __eq__(self, other):
        return isinstance(other, LegacyPoint) and other.x == self.x and other.y == self.y

    def __ne__(self, other):
        return not self.__eq__(other)


class Base(DeclarativeBase):
    pass


class Vertex(Base):
    __tablename__ = "vertices"

    id = mapped_column(Integer, primary_key=True)
    x1 = mapped_column(Integer)
    y1 = mapped_column(Integer)
    x2 = mapped_column(Integer)
    y2 = mapped_column(Integer)

    start = composite(Point, x1, y1)
    end = composite(Point, x2, y2)


class Segment(Base):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    x1: Mapped[int]
    y1: Mapped[int]
    x2: Mapped[int]
    y2: Mapped[int]

    start: Mapped[Point] = composite("x1", "y1")
    end: Mapped[Point] = composite("x2", "y2")


class Box(Base):
    __tablename__ = "boxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    corner: Mapped[LegacyPoint] = composite(mapped_column("cx", Integer), mapped_column("cy", Integer))
    label: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Vertex(start=Point(1, 2), end=Point(3, 4)))
    session.add(Segment(start=Point(5, 6), end=Point(7, 8)))
    session.add(Box(corner=LegacyPoint(9, 10), label="b"))
    session.commit()

    print(session.execute(select(Vertex.start, Vertex.end)).all())
    print(session.scalars(select(Segment.end).where(Segment.start == Point(5, 6))).all())
    print(session.scalars(select(Box.corner).where(Box.corner != LegacyPoint(0, 0))).all())
    print(session.scalars(select(Vertex.id).where(Vertex.start == None)).all())
    print(session.scalars(select(Vertex.id).where(Vertex.end >= Point(3, 4))).all())
    print(session.scalars(select(Vertex.id).where(Point(3, 4) <= Vertex.end)).all())

    b = session.scalars(select(Box)).one()
    print(b.corner, b.cx, b.cy)
    b.corner = LegacyPoint(11, 12)
    session.flush()
    print(b.corner, b.cx, b.cy)
    b.corner = None
    session.commit()
    print(b.corner, b.cx, b.cy)

    for row in session.query(Segment.start, Segment.id):
        print(row, row.start)
