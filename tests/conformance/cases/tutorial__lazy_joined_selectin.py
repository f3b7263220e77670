# Loading strategies set on the relationship: lazy="joined" and lazy="selectin", plus the
# default lazy="select"; echo=True shows the SQL each one emits.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    books = relationship("Book", back_populates="author", lazy="selectin", order_by="Book.id")
    profile = relationship("Profile", uselist=False, lazy="joined", back_populates="author")


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String(100))
    author_id = Column(Integer, ForeignKey("authors.id"))
    author = relationship("Author", back_populates="books")


class Profile(Base):
    __tablename__ = "profiles"
    id = Column(Integer, primary_key=True)
    bio = Column(String(200))
    author_id = Column(Integer, ForeignKey("authors.id"))
    author = relationship("Author", back_populates="profile")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)

with Session() as session:
    a1 = Author(name="Tolkien", profile=Profile(bio="philologist"))
    a1.books = [Book(title="The Hobbit"), Book(title="The Silmarillion")]
    a2 = Author(name="Le Guin")
    a2.books.append(Book(title="Earthsea"))
    session.add_all([a1, a2])
    session.commit()

with Session() as session:
    authors = session.query(Author).order_by(Author.id).all()
    for a in authors:
        print(a.name, [b.title for b in a.books], a.profile.bio if a.profile else None)

with Session() as session:
    book = session.query(Book).filter_by(title="Earthsea").one()
    print(book.author.name, len(book.author.books))
