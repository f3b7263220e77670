# A small library app: authors, books and loans with relationships, service functions for
# borrowing and returning, an overdue report with joins and date arithmetic in Python,
# and a summary printed as a fixed-width table.
from datetime import date, timedelta
from typing import List, Optional

from sqlalchemy import Date, ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship

TODAY = date(2024, 4, 20)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[List["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")
    loans: Mapped[List["Loan"]] = relationship(back_populates="book")

    @property
    def available(self):
        return all(l.returned_on is not None for l in self.loans)


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    loans: Mapped[List["Loan"]] = relationship(back_populates="member")


class Loan(Base):
    __tablename__ = "loans"
    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    loaned_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    returned_on: Mapped[Optional[date]] = mapped_column(Date)
    book: Mapped[Book] = relationship(back_populates="loans")
    member: Mapped[Member] = relationship(back_populates="loans")


def borrow(session, book, member, on):
    if not book.available:
        raise ValueError(f"{book.title!r} is out")
    loan = Loan(book=book, member=member, loaned_on=on, due_on=on + timedelta(days=14))
    session.add(loan)
    return loan


def give_back(loan, on):
    loan.returned_on = on


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    tolkien = Author(name="Tolkien")
    austen = Author(name="Austen")
    hobbit = Book(title="The Hobbit", author=tolkien)
    lotr = Book(title="The Lord of the Rings", author=tolkien)
    emma = Book(title="Emma", author=austen)
    ann, bo = Member(name="Ann"), Member(name="Bo")
    session.add_all([hobbit, lotr, emma, ann, bo])
    session.flush()

    l1 = borrow(session, hobbit, ann, date(2024, 3, 1))
    l2 = borrow(session, emma, bo, date(2024, 4, 1))
    give_back(l1, date(2024, 3, 10))
    borrow(session, hobbit, bo, date(2024, 3, 20))
    try:
        borrow(session, hobbit, ann, date(2024, 3, 21))
    except ValueError as e:
        print(e)
    session.commit()

    overdue = (
        select(Loan)
        .options(joinedload(Loan.book), joinedload(Loan.member))
        .where(Loan.returned_on.is_(None), Loan.due_on < TODAY)
        .order_by(Loan.due_on)
    )
    for loan in session.scalars(overdue):
        days = (TODAY - loan.due_on).days
        print(f"{loan.member.name:<5}{loan.book.title:<14}{days:>3} days late")

    stmt = (
        select(Author.name, func.count(Loan.id).label("loans"))
        .join(Author.books)
        .outerjoin(Book.loans)
        .group_by(Author.id)
        .order_by(Author.name)
    )
    print("| " + "Author".ljust(10) + "| " + "Loans".rjust(5) + " |")
    for name, n in session.execute(stmt):
        print("| " + name.ljust(10) + "| " + str(n).rjust(5) + " |")
    print([b.title for b in session.scalars(select(Book).order_by(Book.id)) if b.available])
