# composite(Vertex._generate, "x1", "y1", "x2", "y2"): a factory classmethod and
# __composite_values__ (composites.rst "Nesting Composites"); a class with no way to give its state
from __future__ import annotations

import dataclasses
from typing import Any
from typing import Tuple

from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, composite, mapped_column


@dataclasses.dataclass
class Point:
    x: int
    y: int


@dataclasses.dataclass
class Vertex:
    start: Point
    end: Point

    @classmethod
    def _generate(cls, x1: int, y1: int, x2: int, y2: int) -> Vertex:
        """generate a Vertex from a row"""
        return Vertex(Point(x1, y1), Point(x2, y2))

    def __composite_values__(self) -> Tuple[Any, ...]:
        """generate a row from a Vertex"""
        return dataclasses.astuple(self.start) + dataclasses.astuple(self.end)


class Base(DeclarativeBase):
    pass


class HasVertex(Base):
    __tablename__ = "has_vertex"
    id: Mapped[int] = mapped_column(primary_key=True)
    x1: Mapped[int]
    y1: Mapped[int]
    x2: Mapped[int]
    y2: Mapped[int]

    vertex: Mapped[Vertex] = composite(Vertex._generate, "x1", "y1", "x2", "y2")


class Opaque:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Thing(Base):
    __tablename__ = "thing"
    id: Mapped[int] = mapped_column(primary_key=True)
    a: Mapped[int]
    b: Mapped[int]
    pair: Mapped[Opaque] = composite(Opaque, "a", "b")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    hv = HasVertex(vertex=Vertex(Point(1, 2), Point(3, 4)))

    session.add(hv)
    session.commit()

    stmt = select(HasVertex).where(HasVertex.vertex == Vertex(Point(1, 2), Point(3, 4)))

    hv = session.scalars(stmt).first()
    print(hv.vertex.start)
    print(hv.vertex.end)

    t = Thing(a=1, b=2)
    print(t.pair.a, t.pair.b)
    try:
        t.pair = Opaque(3, 4)
    except Exception as e:
        print(type(e).__name__, e)
    print(t.a, t.b)
