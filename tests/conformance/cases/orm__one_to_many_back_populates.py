# One-to-many with back_populates: appending a child sets its parent, cascade saves it,
# lazy loads run when a collection / reference is first touched.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    books: Mapped[List["Book"]] = relationship(back_populates="author")

class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="books")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    a = Author(name="Le Guin")
    b1 = Book(title="Earthsea")
    a.books.append(b1)
    print(b1.author is a)
    Book(title="The Dispossessed", author=a)
    print([b.title for b in a.books])
    s.add(a)
    print(len(s.new))
    s.commit()
with Session(engine) as s:
    author = s.scalars(select(Author)).one()
    print("loaded author")
    print([b.title for b in author.books])
    book = s.get(Book, 2)
    print(book.author.name)
    orphan = Book(title="Orphan")
    s.add(orphan)
    s.flush()
    print(orphan.author, orphan.author_id)
    orphan.author = author
    s.flush()
    print(orphan.author_id, [b.title for b in author.books])
    author.books.remove(book)
    s.commit()
    print(book.author_id)
