# MappedAsDataclass fields: default, default_factory, repr=False, kw_only, init=False; the generated __eq__; errors of the generated __init__.
from typing import List, Optional

from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship, Session


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str]
    secret: Mapped[str] = mapped_column(default="s3cr3t", repr=False)
    nickname: Mapped[Optional[str]] = mapped_column(default=None, kw_only=True)
    books: Mapped[List["Book"]] = relationship(default_factory=list, back_populates="author")


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    title: Mapped[str]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"), init=False)
    author: Mapped[Optional[Author]] = relationship(default=None, back_populates="books")


a = Author("ann", nickname="A")
print(a)
print(a == Author("ann", nickname="A"), a == Author("bob"))
b = Book("b1", author=a)
print(b.author is a, [x.title for x in a.books])
for args, kw in [((), {}), (("x", "y", [], "w"), {}), (("x",), {"id": 1})]:
    try:
        Author(*args, **kw)
    except TypeError as err:
        print("TypeError:", err)
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(a)
    session.commit()
    print(session.scalars(select(Book)).one())
