from sqlalchemy.orm import DeclarativeBase, Mapped, composite, mapped_column
class Base(DeclarativeBase):
    pass
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class Vertex(Base):
    __tablename__ = "vertex"
    id: Mapped[int] = mapped_column(primary_key=True)
    x1: Mapped[int]
    y1: Mapped[int]
    start = composite(Point, "x1", "y1", deferred=True)
