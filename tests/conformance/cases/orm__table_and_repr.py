# Mapping with __table__ (a Core Table) and a user-defined __repr__ / __str__.
from sqlalchemy import create_engine, Table, Column, Integer, String, MetaData
from sqlalchemy.orm import DeclarativeBase, Session

class Base(DeclarativeBase):
    pass

class City(Base):
    __table__ = Table("cities", Base.metadata,
                      Column("id", Integer, primary_key=True),
                      Column("name", String(30)),
                      Column("pop", Integer))

    def __repr__(self):
        return "City(%r, pop=%r)" % (self.name, self.pop)

    def __str__(self):
        return "the city of %s" % self.name

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([City(name="Oslo", pop=700), City(name="Bergen", pop=290)])
    s.commit()
    cities = s.query(City).order_by(City.pop).all()
    print(cities)
    print(cities[0])
    print([str(c) for c in cities])
    print(City.__table__ is Base.metadata.tables["cities"], City.name)
    print(s.get(City, 1))
