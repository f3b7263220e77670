# source: doc/build/orm/collection_api.rst, section "Customizing Collection Access"
# adapted: the page's list and set mappings (the page's `ForeignKey("parent.id")` written as "parent.parent_id", the column the page maps); an engine, a parent with two children flushed and loaded back

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/collection_api.rst ---
class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"

    parent_id: Mapped[int] = mapped_column(primary_key=True)

    # use a set
    children: Mapped[set["Child"]] = relationship()


class Child(Base):
    __tablename__ = "child"

    child_id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.parent_id"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

p = Parent()
c1, c2 = Child(), Child()
p.children.add(c1)
p.children.add(c2)
p.children.add(c1)
print(type(p.children).__name__, len(p.children))
with Session(engine) as session:
    session.add(p)
    session.commit()
    p = session.scalars(select(Parent)).one()
    print(type(p.children).__name__, sorted(c.child_id for c in p.children))
