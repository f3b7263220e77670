# Blog-post style CRUD walkthrough: create, read (get/first/all/count), update, delete.
from sqlalchemy import create_engine, Column, Integer, String, Float
from sqlalchemy.orm import declarative_base, sessionmaker

engine = create_engine("sqlite:///books.db")
Base = declarative_base()


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String(100), nullable=False)
    author = Column(String(50))
    price = Column(Float)

    def __repr__(self):
        return f"<Book(id={self.id}, title='{self.title}', author='{self.author}')>"


Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

# CREATE
book1 = Book(title="Dune", author="Frank Herbert", price=9.99)
book2 = Book(title="Neuromancer", author="William Gibson", price=7.5)
book3 = Book(title="Foundation", author="Isaac Asimov", price=8.25)
session.add(book1)
session.add_all([book2, book3])
session.commit()
print("Inserted ids:", book1.id, book2.id, book3.id)

# READ
print(session.query(Book).get(2))
print(session.get(Book, 3))
print(session.query(Book).first())
print(session.query(Book).count())
for book in session.query(Book).order_by(Book.title):
    print(book.title, "-", book.price)

# UPDATE
book = session.query(Book).filter(Book.title == "Dune").first()
book.price = 11.0
session.commit()
print(session.query(Book.price).filter_by(title="Dune").scalar())

updated = session.query(Book).filter(Book.price < 9).update({Book.price: Book.price + 1})
session.commit()
print("rows updated:", updated)

# DELETE
session.delete(book2)
session.commit()
print(session.query(Book).all())
deleted = session.query(Book).filter(Book.author == "Isaac Asimov").delete()
session.commit()
print("rows deleted:", deleted, "remaining:", session.query(Book).count())
session.close()
