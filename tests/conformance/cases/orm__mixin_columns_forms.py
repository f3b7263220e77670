# Mixins: Column with ForeignKey, declared_attr returning a column, __tablename__ from declared_attr, has_inherited_table.
from sqlalchemy import Column, create_engine, ForeignKey, Integer, select, String
from sqlalchemy.orm import DeclarativeBase, declared_attr, has_inherited_table, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Named:
    @declared_attr.directive
    def __tablename__(cls):
        if has_inherited_table(cls):
            return None
        return cls.__name__.lower() + "s"

    id = Column(Integer, primary_key=True)
    name = Column(String(20))


class OwnedBy:
    owner_id = Column(ForeignKey("owners.id"))

    @declared_attr
    def code(cls):
        return mapped_column(String(5), default=cls.__name__[:3])


class Owner(Named, Base):
    pass


class Pet(Named, OwnedBy, Base):
    owner = relationship(Owner)


print(Owner.__table__.c.keys(), Pet.__table__.c.keys(), Pet.__tablename__)
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Pet(name="rex", owner=Owner(name="ann")))
    session.commit()
    pet = session.scalars(select(Pet)).one()
    print(pet.id, pet.name, pet.code, pet.owner.name)
