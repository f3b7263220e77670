# Blog posts and tags, many-to-many through an association Table: tagging, untagging,
# posts with a tag via any() and via join, tag popularity with group_by / count,
# and removing a tag that is still used.
from typing import List

from sqlalchemy import Column, ForeignKey, String, Table, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tags, back_populates="posts")

    def __repr__(self):
        return f"Post({self.title!r})"


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    posts: Mapped[List[Post]] = relationship(secondary=post_tags, back_populates="tags")

    def __repr__(self):
        return f"#{self.name}"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    python, sql, web = Tag(name="python"), Tag(name="sql"), Tag(name="web")
    p1 = Post(title="SQLAlchemy basics", tags=[python, sql])
    p2 = Post(title="Flask intro", tags=[python, web])
    p3 = Post(title="Indexes", tags=[sql])
    session.add_all([p1, p2, p3])
    session.commit()

    print(python.posts)
    p3.tags.append(web)
    p1.tags.remove(sql)
    session.commit()
    print(sql.posts, web.posts)

    stmt = select(Post).where(Post.tags.any(Tag.name == "web")).order_by(Post.id)
    print(session.scalars(stmt).all())
    stmt = select(Post.title).join(Post.tags).where(Tag.name.in_(["sql", "python"])).distinct().order_by(Post.title)
    print(session.scalars(stmt).all())

    popularity = (
        select(Tag.name, func.count(post_tags.c.post_id).label("uses"))
        .outerjoin(post_tags)
        .group_by(Tag.id)
        .order_by(func.count(post_tags.c.post_id).desc(), Tag.name)
    )
    for name, uses in session.execute(popularity):
        print(f"{name:<8}{uses}")

    session.delete(web)
    session.commit()
    print(p2.tags, p3.tags)
    print(session.execute(select(post_tags).order_by(post_tags.c.post_id, post_tags.c.tag_id)).all())
