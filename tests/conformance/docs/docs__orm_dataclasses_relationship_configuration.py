# source: doc/build/orm/dataclasses.rst, section "Relationship Configuration"
# adapted: the page's mapping; a Parent and two Child objects built through the generated __init__ methods, flushed and loaded
from typing import List

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_as_dataclass
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import registry
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

reg = registry()


@mapped_as_dataclass(reg)
class Parent:
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(
        default_factory=list, back_populates="parent"
    )


@mapped_as_dataclass(reg)
class Child:
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped["Parent"] = relationship(default=None)


p = Parent(id=1)
print(p.children)
c = Child(id=1, parent_id=None)
print(c.parent)
p.children.append(c)
p.children.append(Child(id=2, parent_id=None))

engine = create_engine("sqlite://")
reg.metadata.create_all(engine)
with Session(engine) as session:
    session.add(p)
    session.commit()
    print([(ch.id, ch.parent_id) for ch in session.scalars(select(Child))])
