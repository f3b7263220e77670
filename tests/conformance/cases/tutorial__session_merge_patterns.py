# session.merge(): saving an object built outside the session (e.g. from a form), merge of
# a detached object into a new session, merge of a new object with a primary key that
# exists (becomes an UPDATE) or not (INSERT), and the returned copy vs the original.
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    pages: Mapped[int] = mapped_column(default=0)

    def __repr__(self):
        return f"Book(id={self.id}, title={self.title!r}, pages={self.pages})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as s:
    s.add_all([Book(id=1, title="Dune", pages=412), Book(id=2, title="Emma", pages=320)])
    s.commit()

# an object "from a form": same primary key as row 1
incoming = Book(id=1, title="Dune (2nd ed.)", pages=420)
with Session(engine) as s:
    merged = s.merge(incoming)
    print(merged is incoming, merged in s, incoming in s)
    print("dirty:", list(s.dirty))
    s.commit()
    print(merged)

# merge of a new primary key becomes an INSERT
with Session(engine) as s:
    fresh = s.merge(Book(id=3, title="Ulysses", pages=730))
    print("new:", list(s.new))
    s.commit()

# detached object modified and merged into another session
with Session(engine, expire_on_commit=False) as s1:
    emma = s1.get(Book, 2)
emma.pages = 474
with Session(engine) as s2:
    local = s2.merge(emma)
    print(local.pages, s2.is_modified(local))
    s2.commit()

with Session(engine) as s:
    existing = s.get(Book, 1)
    again = s.merge(Book(id=1, title="Dune", pages=412))
    print(again is existing, existing.title)
    s.rollback()
    print(s.scalars(select(Book).order_by(Book.id)).all())
