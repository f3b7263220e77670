# Objects and statements printed without a user __repr__: the default object repr (address
# scrubbed), str() of ORM select statements and of a Query.
from sqlalchemy import create_engine, Column, Integer, String, select, update, delete, insert
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Plain(Base):
    __tablename__ = "plain"
    id = Column(Integer, primary_key=True)
    name = Column(String(10))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    p = Plain(name="x")
    print(p)
    print(repr(Plain.__table__))
    print(Plain.__mapper__)
    print(Plain.name, Plain.name.property, type(Plain.name).__name__)
    s.add(p)
    s.commit()
    print(select(Plain).where(Plain.name == "x"))
    print(s.query(Plain).filter(Plain.id > 1))
    print(update(Plain).where(Plain.id == 1).values(name="y"))
    print(delete(Plain).where(Plain.name.in_(["a", "b"])))
    print(insert(Plain).values(name="z"))
    print(select(Plain.name).where(Plain.id == 1).compile(engine))
