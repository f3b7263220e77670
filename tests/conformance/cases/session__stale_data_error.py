# The row behind a loaded object is deleted with Core; changing and flushing the object makes
# the UPDATE match 0 rows: StaleDataError.
from sqlalchemy import create_engine, Column, Integer, String, delete
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Doc(Base):
    __tablename__ = "docs"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Doc(title="one"), Doc(title="two")])
s.commit()
d1, d2 = s.query(Doc).order_by(Doc.id).all()
s.execute(delete(Doc.__table__).where(Doc.__table__.c.id == 2))
print(d2.title)
d1.title = "ONE"
d2.title = "TWO"
s.commit()
