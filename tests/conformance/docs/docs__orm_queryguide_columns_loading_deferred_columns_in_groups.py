# source: doc/build/orm/queryguide/columns.rst, section "Loading deferred columns in groups" (preceded by the page's earlier sections; setup: orm/queryguide/_deferred_setup.rst)
# --- setup: doc/build/orm/queryguide/_deferred_setup.rst ---
from typing import List
from typing import Optional
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import LargeBinary
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[Optional[str]]
    books: Mapped[List["Book"]] = relationship(back_populates="owner")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"

class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(Text)
    cover_photo: Mapped[bytes] = mapped_column(LargeBinary)
    owner: Mapped["User"] = relationship(back_populates="books")

    def __repr__(self) -> str:
        return f"Book(id={self.id!r}, title={self.title!r})"

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

Base.metadata.create_all(engine)

conn = engine.connect()

session = Session(conn)

session.add_all(
    [
        User(
            name="spongebob",
            fullname="Spongebob Squarepants",
            books=[
                Book(
                    title="100 Years of Krabby Patties",
                    summary="some long summary",
                    cover_photo=b"binary_image_data",
                ),
                Book(
                    title="Sea Catch 22",
                    summary="another long summary",
                    cover_photo=b"binary_image_data",
                ),
                Book(
                    title="The Sea Grapes of Wrath",
                    summary="yet another summary",
                    cover_photo=b"binary_image_data",
                ),
            ],
        ),
        User(
            name="sandy",
            fullname="Sandy Cheeks",
            books=[
                Book(
                    title="A Nut Like No Other",
                    summary="some long summary",
                    cover_photo=b"binary_image_data",
                ),
                Book(
                    title="Geodesic Domes: A Retrospective",
                    summary="another long summary",
                    cover_photo=b"binary_image_data",
                ),
                Book(
                    title="Rocketry for Squirrels",
                    summary="yet another summary",
                    cover_photo=b"binary_image_data",
                ),
            ],
        ),
    ]
)

session.commit()

session.close()

conn.begin()

# --- doc/build/orm/queryguide/columns.rst: "Using ``load_only()`` to reduce loaded columns" ---
from sqlalchemy import select
from sqlalchemy.orm import load_only
stmt = select(Book).options(load_only(Book.title, Book.summary))
books = session.scalars(stmt).all()

for book in books:
    print(f"{book.title}  {book.summary}")

img_data = books[0].cover_photo

# --- doc/build/orm/queryguide/columns.rst: "Using ``load_only()`` with multiple entities" ---
stmt = select(User, Book).join_from(User, Book).options(load_only(Book.title))
print(stmt)

stmt = (
    select(User, Book)
    .join_from(User, Book)
    .options(load_only(User.name), load_only(Book.title))
)

print(stmt)

# --- doc/build/orm/queryguide/columns.rst: "Using ``load_only()`` on related objects and collections" ---
from sqlalchemy.orm import selectinload
stmt = select(User).options(selectinload(User.books).load_only(Book.title))

for user in session.scalars(stmt):
    print(f"{user.fullname}   {[b.title for b in user.books]}")

session.expunge_all()

from sqlalchemy.orm import defaultload

stmt = select(User).options(defaultload(User.books).load_only(Book.title))

for user in session.scalars(stmt):
    print(f"{user.fullname}   {[b.title for b in user.books]}")

# --- doc/build/orm/queryguide/columns.rst: "Using ``defer()`` to omit specific columns" ---
from sqlalchemy.orm import defer
stmt = select(Book).where(Book.owner_id == 2).options(defer(Book.cover_photo))
books = session.scalars(stmt).all()

for book in books:
    print(f"{book.title}: {book.summary}")

img_data = books[0].cover_photo

# --- doc/build/orm/queryguide/columns.rst: "Using raiseload to prevent deferred column loads" ---
session.expunge_all()

book = session.scalar(
    select(Book).options(defer(Book.cover_photo, raiseload=True)).where(Book.id == 4)
)

# --- doc/build/orm/queryguide/columns.rst: "Using raiseload to prevent deferred column loads" ---
session.expunge_all()

book = session.scalar(
    select(Book).options(load_only(Book.title, raiseload=True)).where(Book.id == 5)
)

# --- doc/build/orm/queryguide/columns.rst: "Configuring Column Deferral on Mappings" ---
class Base(DeclarativeBase):
    pass

class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(Text, deferred=True)
    cover_photo: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    def __repr__(self) -> str:
        return f"Book(id={self.id!r}, title={self.title!r})"

book = session.scalar(select(Book).where(Book.id == 2))

img_data = book.cover_photo

# --- doc/build/orm/queryguide/columns.rst: "Using ``undefer()`` to "eagerly" load deferred columns" ---
from sqlalchemy.orm import undefer
book = session.scalar(select(Book).where(Book.id == 2).options(undefer(Book.summary)))
print(book.summary)

# --- doc/build/orm/queryguide/columns.rst: "Loading deferred columns in groups" ---
class Base(DeclarativeBase):
    pass

class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(
        Text, deferred=True, deferred_group="book_attrs"
    )
    cover_photo: Mapped[bytes] = mapped_column(
        LargeBinary, deferred=True, deferred_group="book_attrs"
    )

    def __repr__(self) -> str:
        return f"Book(id={self.id!r}, title={self.title!r})"

book = session.scalar(select(Book).where(Book.id == 2))

img_data, summary = book.cover_photo, book.summary
