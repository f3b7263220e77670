# A write-only collection: add / add_all / remove reach the database at the flush only, the
# collection is never loaded; select() carries the relationship's order_by; a
# many-to-many write-only collection writes association rows.
from sqlalchemy import create_engine, ForeignKey, select, Table, Column, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm import WriteOnlyMapped


class Base(DeclarativeBase):
    pass


tags = Table(
    "tagging",
    Base.metadata,
    Column("doc_id", ForeignKey("doc.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Doc(Base):
    __tablename__ = "doc"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    lines: WriteOnlyMapped["Line"] = relationship(order_by="Line.n.desc()")
    tags: WriteOnlyMapped["Tag"] = relationship(secondary=tags, order_by="Tag.name")


class Line(Base):
    __tablename__ = "line"
    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[int | None] = mapped_column(ForeignKey("doc.id"))
    n: Mapped[int]


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    doc = Doc(title="d", lines=[Line(n=1), Line(n=2)])
    session.add(doc)
    session.flush()
    doc.lines.add(Line(n=3))
    doc.lines.add_all([Line(n=4), Line(n=5)])
    session.flush()
    t1, t2 = Tag(name="x"), Tag(name="a")
    doc.tags.add_all([t1, t2])
    session.commit()

    print(doc.lines.select())
    print([l.n for l in session.scalars(doc.lines.select())])
    print([t.name for t in session.scalars(doc.tags.select())])
    print(session.scalar(select(func.count()).select_from(doc.lines.select().subquery())))

    first = session.scalars(doc.lines.select().where(Line.n == 1)).one()
    doc.lines.remove(first)
    session.flush()
    doc.tags.remove(t1)
    session.commit()
    print(first.doc_id)
    print([l.n for l in session.scalars(doc.lines.select())])
    print([t.name for t in session.scalars(doc.tags.select())])
    try:
        list(doc.lines)
    except Exception as e:
        print(type(e).__name__, e)
