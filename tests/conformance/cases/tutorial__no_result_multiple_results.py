# one() vs first() vs one_or_none(): catching NoResultFound and MultipleResultsFound.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, sessionmaker
from sqlalchemy.orm.exc import NoResultFound, MultipleResultsFound
from sqlalchemy import exc

Base = declarative_base()


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    kind = Column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()
session.add_all([Tag(name="python", kind="lang"), Tag(name="rust", kind="lang"), Tag(name="sql", kind="query")])
session.commit()

try:
    session.query(Tag).filter_by(name="cobol").one()
except NoResultFound as e:
    print("NoResultFound:", e)

try:
    session.query(Tag).filter_by(kind="lang").one()
except MultipleResultsFound as e:
    print("MultipleResultsFound:", e)

try:
    session.query(Tag.name).filter(Tag.kind == "lang").scalar()
except exc.MultipleResultsFound as e:
    print(type(e).__name__)

print(session.query(Tag).filter_by(name="cobol").first())
print(session.query(Tag).filter_by(name="cobol").one_or_none())
print(session.query(Tag).filter_by(name="sql").one().kind)
print(session.query(Tag.id).filter_by(name="rust").scalar())
print(NoResultFound is exc.NoResultFound)
