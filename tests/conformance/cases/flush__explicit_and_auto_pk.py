# INSERTs with explicit PKs (executemany) and without (RETURNING, one per row), mixed in
# one flush, and an object whose PK is set after add().
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Row(Base):
    __tablename__ = "rows"
    id = Column(Integer, primary_key=True)
    v = Column(String(5))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
rows = [Row(id=5, v="e"), Row(id=3, v="c"), Row(v="auto1"), Row(v="auto2"), Row(id=9, v="i")]
s.add_all(rows)
late = Row(v="late")
s.add(late)
late.id = 20
s.flush()
print([(r.id, r.v) for r in rows], late.id)
s.add(Row(v="solo"))
s.flush()
s.add_all([Row(id=30, v="x"), Row(id=31, v="y"), Row(id=32, v="z")])
s.commit()
print(s.query(Row.id, Row.v).order_by(Row.id).all())
