# hybrid_property: works on instances and in queries (full name, and a computed length).
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.ext.hybrid import hybrid_property, hybrid_method
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Person(Base):
    __tablename__ = "people"
    id = Column(Integer, primary_key=True)
    first_name = Column(String(30))
    last_name = Column(String(30))
    start = Column(Integer)
    end = Column(Integer)

    @hybrid_property
    def full_name(self):
        return self.first_name + " " + self.last_name

    @hybrid_property
    def length(self):
        return self.end - self.start

    @hybrid_method
    def contains(self, point):
        return (self.start <= point) & (point <= self.end)

    def __repr__(self):
        return f"Person({self.full_name})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()
session.add_all([
    Person(first_name="Ada", last_name="Lovelace", start=1815, end=1852),
    Person(first_name="Alan", last_name="Turing", start=1912, end=1954),
    Person(first_name="Grace", last_name="Hopper", start=1906, end=1992),
])
session.commit()

p = session.query(Person).first()
print(p.full_name, p.length, p.contains(1840))
print(session.query(Person).filter(Person.full_name == "Alan Turing").one())
print(session.query(Person).filter(Person.length > 40).order_by(Person.id).all())
print(session.query(Person.full_name).order_by(Person.full_name).all())
print(session.query(Person).filter(Person.contains(1950)).order_by(Person.start).all())
print(Person.full_name)
print(str(Person.length > 1))
