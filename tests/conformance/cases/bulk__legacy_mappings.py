# Legacy bulk API: bulk_insert_mappings (with and without PKs, return_defaults),
# bulk_update_mappings, and their effect on objects already in the session.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class City(Base):
    __tablename__ = "cities"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    pop = Column(Integer, default=0)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.bulk_insert_mappings(City, [{"name": "a", "pop": 1}, {"name": "b", "pop": 2}, {"name": "c"}])
s.bulk_insert_mappings(City, [{"id": 10, "name": "j", "pop": 10}, {"id": 11, "name": "k", "pop": 11}])
maps = [{"name": "r1"}, {"name": "r2", "pop": 5}]
s.bulk_insert_mappings(City, maps, return_defaults=True)
print(maps)
s.commit()
a = s.get(City, 1)
print(a.pop)
s.bulk_update_mappings(City, [{"id": 1, "pop": 100}, {"id": 2, "pop": 200}, {"id": 10, "name": "J"}])
print(a.pop, len(s.dirty))
s.commit()
print(a.pop)
print(s.query(City.id, City.name, City.pop).order_by(City.id).all())
