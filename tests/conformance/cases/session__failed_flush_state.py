from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session
Base = declarative_base()
class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), unique=True, nullable=False)
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
kept = User(name="kept")
s.add(kept)
s.commit()
a, b = User(name="dup"), User(name="dup")
s.add_all([a, b])
try:
    s.flush()
except Exception as e:
    print(type(e).__name__)
s.rollback()
print(kept.name, a in s, b in s, len(s.identity_map))
