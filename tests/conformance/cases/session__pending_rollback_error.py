# After a failed flush the session refuses further work (PendingRollbackError) until
# rollback() is called; then it works again.
from sqlalchemy import create_engine, Column, Integer, String, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class U(Base):
    __tablename__ = "u"
    id = Column(Integer, primary_key=True)
    email = Column(String(20), unique=True, nullable=False)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(U(email="a"))
s.commit()
s.add(U(email="a"))
try:
    s.flush()
except IntegrityError as e:
    print("flush failed:", str(e).splitlines()[0])
try:
    s.scalars(select(U)).all()
except PendingRollbackError as e:
    print("PendingRollbackError:", str(e).splitlines()[0])
try:
    s.commit()
except PendingRollbackError as e:
    print("commit refused too")
print(s.in_transaction(), s.is_active)
s.rollback()
print(s.in_transaction(), s.is_active)
print(s.scalars(select(U.email)).all())
s.add(U(email="b"))
s.commit()
s.add(U(email=None))
s.commit()
