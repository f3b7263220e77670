# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "DML Support for Composite Value Objects"
# adapted: Point of "Composite Hybrid Value Objects"; Location with both hooks in one class (the second fragment's "same as above"), an engine and a Session; the rows read back
from dataclasses import dataclass
from typing import Any
from typing import List
from typing import MutableMapping
from typing import Tuple

from sqlalchemy import create_engine
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy import update
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy import SQLColumnExpression
from sqlalchemy.orm import DeclarativeBase, Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


@dataclass(eq=False)
class Point(Comparator):
    x: int | SQLColumnExpression[int]
    y: int | SQLColumnExpression[int]

    def operate(self, op, other, **kwargs):
        return op(self.x, other.x) & op(self.y, other.y)

    def __clause_element__(self):
        return tuple_(self.x, self.y)


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/extensions/hybrid.rst ---


class Location(Base):
    __tablename__ = "location"

    id: Mapped[int] = mapped_column(primary_key=True)
    x: Mapped[int]
    y: Mapped[int]

    @hybrid_property
    def coordinates(self) -> Point:
        return Point(self.x, self.y)

    @coordinates.inplace.update_expression
    @classmethod
    def _coordinates_update_expression(
        cls, value: Any
    ) -> List[Tuple[Any, Any]]:
        assert isinstance(value, Point)
        return [(cls.x, value.x), (cls.y, value.y)]

    @coordinates.inplace.bulk_dml
    @classmethod
    def _coordinates_bulk_dml(
        cls, mapping: MutableMapping[str, Any], value: Point
    ) -> None:
        mapping["x"] = value.x
        mapping["y"] = value.y


from sqlalchemy import update
print(
    update(Location)
    .where(Location.id == 5)
    .values({Location.coordinates: Point(25, 17)})
)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

# Bulk INSERT
session.execute(
    insert(Location),
    [
        {"id": 1, "coordinates": Point(10, 20)},
        {"id": 2, "coordinates": Point(30, 40)},
    ],
)

# Bulk UPDATE
session.execute(
    update(Location),
    [
        {"id": 1, "coordinates": Point(15, 25)},
        {"id": 2, "coordinates": Point(35, 45)},
    ],
)
print([(loc.id, loc.x, loc.y) for loc in session.scalars(select(Location))])
session.commit()
