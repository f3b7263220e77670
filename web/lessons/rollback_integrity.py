# A failed flush rolls the transaction back at once; the session then refuses to work
# (PendingRollbackError) until rollback() is called.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), unique=True, nullable=False)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Tag(name="python"))
session.commit()

session.add(Tag(name="python"))
try:
    session.commit()
except IntegrityError as e:
    print("IntegrityError:", str(e).splitlines()[0])
try:
    session.query(Tag).count()
except PendingRollbackError:
    print("PendingRollbackError until rollback()")
session.rollback()
print("tags:", session.query(Tag).count())
