# Legacy declarative_base() with Column(): DDL, add/commit, defaults filled at flush, repr.
from sqlalchemy import create_engine, Column, Integer, String, Boolean, Float
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String(50), nullable=False)
    pages = Column(Integer, default=100)
    rating = Column(Float)
    available = Column(Boolean, default=True)

    def __repr__(self):
        return f"<Book {self.id} {self.title!r} pages={self.pages} rating={self.rating} available={self.available}>"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
b = Book(title="Dune")
print(b, b.pages)
session = Session(engine)
session.add(b)
session.add(Book(title="Emma", pages=300, rating=4.5, available=False))
session.commit()
print(b)
print(session.query(Book).order_by(Book.title.desc()).all())
print(Book.__tablename__, Book.__table__.c.keys(), Book.__mapper__.primary_key)
session.close()
