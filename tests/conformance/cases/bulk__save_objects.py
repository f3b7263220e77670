# bulk_save_objects: new objects are INSERTed without being attached to the session;
# persistent (loaded, modified) objects are UPDATEd.
from sqlalchemy import create_engine, Column, Integer, String, inspect
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Pet(Base):
    __tablename__ = "pets"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    age = Column(Integer, default=1)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
new = [Pet(name="rex", age=3), Pet(name="tom"), Pet(id=7, name="kit", age=2)]
s.bulk_save_objects(new)
print([(p.id, inspect(p).transient, p in s) for p in new])
s.commit()
loaded = s.query(Pet).order_by(Pet.id).all()
print([(p.id, p.name, p.age) for p in loaded])
loaded[0].age = 4
loaded[1].name = "TOM"
s.bulk_save_objects(loaded)
print(len(s.dirty), s.is_modified(loaded[0]))
s.bulk_save_objects([Pet(name="a"), Pet(name="b")], return_defaults=True)
s.commit()
print(s.query(Pet.id, Pet.name, Pet.age).order_by(Pet.id).all())
