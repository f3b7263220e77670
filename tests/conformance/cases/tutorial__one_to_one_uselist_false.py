# One-to-one: relationship(uselist=False) with backref, unique foreign key.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker, backref

Base = declarative_base()


class Person(Base):
    __tablename__ = 'person'
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


class Passport(Base):
    __tablename__ = 'passport'
    id = Column(Integer, primary_key=True)
    number = Column(String(20), unique=True)
    person_id = Column(Integer, ForeignKey('person.id'), unique=True)
    person = relationship('Person', backref=backref('passport', uselist=False))

    def __repr__(self):
        return f"Passport({self.number})"


engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

p = Person(name='Nina')
p.passport = Passport(number='X123')
session.add(p)
q = Person(name='Omar')
session.add(q)
session.commit()

print(p.passport, p.passport.person.name)
print(q.passport)
print(session.query(Person).join(Passport).filter(Passport.number == 'X123').one().name)
p.passport = Passport(number='Y999')
session.commit()
print(session.query(Passport.number, Passport.person_id).order_by(Passport.id).all())
