# sessionmaker(expire_on_commit=False, autoflush=False): no reload after commit and no
# autoflush before queries (the query does not see the pending object).
from sqlalchemy import create_engine, Column, Integer, String, select, func
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()

class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    label = Column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
with SessionLocal() as s:
    t = Tag(label="red")
    s.add(t)
    s.commit()
    print(t.id, t.label)
    s.add(Tag(label="blue"))
    print(s.scalar(select(func.count(Tag.id))))
    print(s.query(Tag).filter_by(label="blue").first())
    s.flush()
    print(s.scalar(select(func.count(Tag.id))))
    s.commit()
print(t.label)
Other = sessionmaker(engine)
with Other() as s2:
    s2.add(Tag(label="green"))
    print(s2.scalar(select(func.count(Tag.id))))
    with s2.no_autoflush:
        s2.add(Tag(label="pink"))
        print(s2.scalar(select(func.count(Tag.id))))
    print(s2.scalar(select(func.count(Tag.id))))
