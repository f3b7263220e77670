from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, select, update, text
from sqlalchemy.orm import declarative_base, Session, relationship

Base = declarative_base()

class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), unique=True, nullable=False)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name='same'), User(name='same')])
    s.commit()
