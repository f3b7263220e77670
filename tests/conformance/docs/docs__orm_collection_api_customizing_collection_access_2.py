# source: doc/build/orm/collection_api.rst, section "Customizing Collection Access"
# adapted: the page's non-annotated `collection_class=set` mapping (the foreign key as in the section's first case); an engine, a parent with children flushed and loaded back

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/collection_api.rst ---
class Base(DeclarativeBase):
    pass


# non-annotated mapping


class Parent(Base):
    __tablename__ = "parent"

    parent_id = mapped_column(Integer, primary_key=True)

    children = relationship("Child", collection_class=set)


class Child(Base):
    __tablename__ = "child"

    child_id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(ForeignKey("parent.parent_id"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Parent(children={Child(), Child(), Child()}))
    session.commit()
    p = session.scalars(select(Parent)).one()
    print(type(p.children).__name__, sorted(c.child_id for c in p.children))
