# "Use a context manager" tutorial: with Session() as s, with s.begin(), and
# with Session.begin() as s — committing on success, rolling back when an exception escapes.
from sqlalchemy import create_engine, Column, Integer, String, select
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(30), unique=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(engine)

with Session.begin() as session:
    session.add(Item(name="hammer"))
    session.add(Item(name="nails"))

with Session() as session:
    with session.begin():
        session.add(Item(name="saw"))
    print(session.scalars(select(Item.name).order_by(Item.id)).all())

try:
    with Session.begin() as session:
        session.add(Item(name="drill"))
        raise RuntimeError("something went wrong")
except RuntimeError as e:
    print("caught:", e)

try:
    with Session.begin() as session:
        session.add(Item(name="hammer"))
except Exception as e:
    print(type(e).__name__)

with Session() as session:
    print(session.query(Item).count(), [i.name for i in session.query(Item).order_by(Item.name)])
