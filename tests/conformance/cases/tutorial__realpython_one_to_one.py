# Real Python style: one-to-one through backref(uselist=False), one-to-many with
# cascade delete-orphan, __repr__, Query.all() printing and one()/one_or_none() errors.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, sessionmaker, relationship, backref
from sqlalchemy.orm.exc import NoResultFound, MultipleResultsFound

Base = declarative_base()

class Person(Base):
    __tablename__ = 'person'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    notes = relationship('Note', backref='person', cascade='all, delete-orphan')

    def __repr__(self):
        return f'Person({self.name!r})'

class Passport(Base):
    __tablename__ = 'passport'
    id = Column(Integer, primary_key=True)
    number = Column(String(10), unique=True)
    person_id = Column(Integer, ForeignKey('person.id'))
    person = relationship('Person', backref=backref('passport', uselist=False))

    def __repr__(self):
        return f'Passport({self.number!r})'

class Note(Base):
    __tablename__ = 'note'
    id = Column(Integer, primary_key=True)
    text = Column(String)
    person_id = Column(Integer, ForeignKey('person.id'))

    def __repr__(self):
        return f'Note({self.text!r})'

engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
p = Person(name='Ada', notes=[Note(text='one'), Note(text='two')])
p.passport = Passport(number='X1')
q = Person(name='Bo')
session.add_all([p, q])
session.commit()
print(session.query(Person).all())
print(session.query(Passport).one().person)
print(p.passport, q.passport)
print(session.query(Person).filter_by(name='Bo').one_or_none())
print(session.query(Person).filter_by(name='Zed').one_or_none())
try:
    session.query(Person).filter_by(name='Zed').one()
except NoResultFound as e:
    print('NoResultFound:', e)
try:
    session.query(Person).one()
except MultipleResultsFound as e:
    print('MultipleResultsFound:', e)
p.notes.remove(p.notes[0])
session.commit()
print(session.query(Note).all())
session.delete(p)
session.commit()
print(session.query(Note).count(), session.query(Passport).all())
print(session.query(Passport).first().person)
