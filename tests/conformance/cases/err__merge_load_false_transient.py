# merge(obj, load=False) of a transient object is refused.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Sku(Base):
    __tablename__ = "sku"
    id = Column(Integer, primary_key=True)
    code = Column(String(10))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Sku(id=1, code="a"))
    s.commit()
    print(s.merge(Sku(id=1, code="A")).code)
    s.merge(Sku(id=1, code="B"), load=False)
