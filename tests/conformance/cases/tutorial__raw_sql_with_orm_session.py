# Running raw SQL through the ORM session: session.execute(text(...)) with params, mappings(),
# and Query.from_statement(text(...)) to load entities from hand-written SQL.
from sqlalchemy import create_engine, Column, Integer, String, text
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class City(Base):
    __tablename__ = "cities"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    population = Column(Integer)

    def __repr__(self):
        return f"City({self.name})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
session.add_all([City(name="Lima", population=10), City(name="Oslo", population=1), City(name="Kyiv", population=3)])
session.commit()

result = session.execute(text("SELECT name, population FROM cities WHERE population > :p ORDER BY name"), {"p": 2})
for row in result:
    print(row.name, row.population)

rows = session.execute(text("SELECT * FROM cities ORDER BY id")).mappings().all()
print(rows[0]["name"], [r["population"] for r in rows])

cities = session.query(City).from_statement(text("SELECT * FROM cities WHERE name = :n")).params(n="Oslo").all()
print(cities, cities[0].population)

session.execute(text("UPDATE cities SET population = population + 1 WHERE name = :n"), {"n": "Lima"})
session.commit()
print(session.execute(text("SELECT population FROM cities WHERE name='Lima'")).scalar())
print(session.execute(text("SELECT count(*) FROM cities")).scalar_one())
