# Loading a joined-table hierarchy: a base query returns subclass objects whose own columns
# load on access; a subclass query joins its table; filters on inherited and own columns;
# a relationship to the base class loads subclasses; selectin_polymorphic and
# with_polymorphic load the subclass columns up front; an object changed in both tables.
from typing import List
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import (
    DeclarativeBase, Mapped, mapped_column, relationship, Session,
    selectin_polymorphic, with_polymorphic,
)


class Base(DeclarativeBase):
    pass


class Zoo(Base):
    __tablename__ = "zoo"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    animals: Mapped[List["Animal"]] = relationship(back_populates="zoo")


class Animal(Base):
    __tablename__ = "animal"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    species: Mapped[str]
    zoo_id: Mapped[int] = mapped_column(ForeignKey("zoo.id"))
    zoo: Mapped[Zoo] = relationship(back_populates="animals")
    __mapper_args__ = {"polymorphic_identity": "animal", "polymorphic_on": "species"}

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Bird(Animal):
    __tablename__ = "bird"
    id: Mapped[int] = mapped_column(ForeignKey("animal.id"), primary_key=True)
    wingspan: Mapped[int]
    __mapper_args__ = {"polymorphic_identity": "bird"}


class Fish(Animal):
    __tablename__ = "fish"
    id: Mapped[int] = mapped_column(ForeignKey("animal.id"), primary_key=True)
    water: Mapped[str]
    __mapper_args__ = {"polymorphic_identity": "fish"}


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Zoo(name="city", animals=[
        Bird(name="tweety", wingspan=20),
        Fish(name="nemo", water="salt"),
        Bird(name="big bird", wingspan=300),
        Animal(name="blob"),
    ]))
    s.commit()

with Session(engine) as s:
    animals = s.scalars(select(Animal).order_by(Animal.id)).all()
    print(animals)
    print([getattr(a, "wingspan", None) for a in animals])
    print(animals[1].water)

with Session(engine) as s:
    birds = s.scalars(select(Bird).where(Bird.wingspan > 100, Bird.name != "x")).all()
    print(birds, birds[0].zoo.name)
    zoo = s.get(Zoo, 1)
    print(zoo.animals)
    print(s.get(Animal, 2), s.get(Fish, 2).water)

with Session(engine) as s:
    stmt = select(Animal).order_by(Animal.id).options(selectin_polymorphic(Animal, [Bird, Fish]))
    animals = s.scalars(stmt).all()
    print([(a.name, getattr(a, "wingspan", None), getattr(a, "water", None)) for a in animals])

with Session(engine) as s:
    wp = with_polymorphic(Animal, [Fish])
    animals = s.scalars(select(wp).where(wp.Fish.water == "salt")).all()
    print(animals, animals[0].water)
    b = s.get(Bird, 1)
    b.name = "tweety pie"
    b.wingspan = 25
    s.flush()
    s.expire(b)
    print(b.name, b.wingspan)
    s.commit()
