# Query.one() with two matching rows: MultipleResultsFound.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    team = Column(String(10))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([User(team="red"), User(team="red"), User(team="blue")])
session.commit()
print(session.query(User).filter_by(team="blue").one().id)
session.query(User).filter_by(team="red").one()
