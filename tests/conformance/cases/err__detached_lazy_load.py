# Touching an unloaded relationship of an object whose session is closed:
# DetachedInstanceError (lazy load cannot proceed).
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))
    kids: Mapped[List["Kid"]] = relationship()

class Kid(Base):
    __tablename__ = "kid"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Parent(name="p", kids=[Kid(), Kid()]))
    s.commit()
    parent = s.scalars(select(Parent)).one()
    print(parent.name)
print(parent.name)
print(len(parent.kids))
