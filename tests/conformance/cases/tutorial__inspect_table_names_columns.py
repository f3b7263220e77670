# Checking the schema after create_all: inspect(engine).get_table_names(), has_table,
# get_columns (name, type, nullable, default), get_foreign_keys, metadata.tables and
# sorted_tables, Model.__table__.columns.
from sqlalchemy import ForeignKey, String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    bio: Mapped[str | None]


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    in_print: Mapped[bool] = mapped_column(server_default="1")


engine = create_engine("sqlite://")
print(inspect(engine).get_table_names())
Base.metadata.create_all(engine)

insp = inspect(engine)
print(insp.get_table_names())
print(insp.has_table("books"), insp.has_table("reviews"))
for col in insp.get_columns("books"):
    print(col["name"], col["type"], col["nullable"], col["default"], col["primary_key"])
print(insp.get_foreign_keys("books"))
print(insp.get_indexes("books"))
print(insp.get_pk_constraint("authors"))

print(list(Base.metadata.tables))
print([t.name for t in Base.metadata.sorted_tables])
print([c.name for c in Book.__table__.columns])
print(Book.__table__.c.title.type, Book.__table__.c.author_id.foreign_keys)
print(Author.__table__.primary_key)
print(repr(Book.__table__.c.in_print.server_default.arg))
