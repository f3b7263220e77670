# relationship(secondary=..., order_by=...): the lazy load, selectinload and a backref's
# order_by on the other side.
from sqlalchemy import create_engine, ForeignKey, select, Table, Column
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm import selectinload, backref


class Base(DeclarativeBase):
    pass


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    tags = relationship(
        "Tag",
        secondary=post_tags,
        order_by="Tag.name",
        backref=backref("posts", order_by="Post.title.desc()"),
    )


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    red, blue, green = Tag(name="red"), Tag(name="blue"), Tag(name="green")
    session.add_all([red, blue, green])
    session.flush()
    # One post per flush: the association rows' order within one flush follows a set in
    # SQLAlchemy when both sides hold the pair.
    for title, tags in [("one", [red, blue, green]), ("two", [green, red]), ("three", [red])]:
        post = Post(title=title)
        session.add(post)
        post.tags = tags
        session.flush()
    session.commit()

with Session(engine) as session:
    p = session.get(Post, 1)
    print([t.name for t in p.tags])
    red = session.scalars(select(Tag).where(Tag.name == "red")).one()
    print([p.title for p in red.posts])

with Session(engine) as session:
    for p in session.scalars(select(Post).options(selectinload(Post.tags)).order_by(Post.id)):
        print(p.title, [t.name for t in p.tags])
    for t in session.scalars(select(Tag).options(selectinload(Tag.posts)).order_by(Tag.id)):
        print(t.name, [p.title for p in t.posts])
