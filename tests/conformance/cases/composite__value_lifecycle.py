# composite values: kept in the object once built, dropped on expire and after a flush;
# in-place changes are not tracked; return_none_on=; an optional annotation
import dataclasses
from typing import Optional

from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, composite, mapped_column


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
    end: Mapped[Optional[Point]] = composite(mapped_column("x2", nullable=True), mapped_column("y2", nullable=True))
    mid: Mapped[Point] = composite(
        mapped_column("mx", nullable=True),
        mapped_column("my", nullable=True),
        return_none_on=lambda x, y: x is None,
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

v = Vertex()
print(v.start, v.end, v.mid)
print(v.start is v.start)
p = Point(1, 2)
v.start = p
print(v.start is p, v.x1, v.y1)
v.x1 = 5
print(v.start, v.x1)
v.start = Point(1, 2)

with Session(engine) as session:
    session.add(v)
    session.flush()
    print(v.start is p, v.start)
    session.commit()

    s = v.start
    s.x = 100
    print(v.start)
    session.commit()
    print(v.start, v.start is s)

    v.end = Point(3, 4)
    v.mid = Point(7, 8)
    session.commit()
    print(v.end, v.mid)
    session.expire(v, ["x2"])
    print(v.end)
    v.mid = Point(None, 9)
    session.commit()
    print(v.mid, v.my)
    print(session.scalars(select(Vertex.mid)).all())
    print(session.scalars(select(Vertex.id).where(Vertex.mid == Point(None, 9))).all())
