# Loading along a many-to-many: selectinload (one SELECT of the association joined to the
# target), lazy loads from either side, any() as EXISTS over both tables.
from typing import List
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload

class Base(DeclarativeBase):
    pass

post_tags = Table("post_tags", Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True))

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tags, back_populates="posts")

class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    posts: Mapped[List["Post"]] = relationship(secondary="post_tags", back_populates="tags")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    py, sql = Tag(name="python"), Tag(name="sql")
    s.add(Post(title="a", tags=[py, sql])); s.commit()
    s.add(Post(title="b", tags=[py])); s.commit()
    s.add(Post(title="c")); s.commit()
    s.expunge_all()
    posts = s.scalars(select(Post).options(selectinload(Post.tags)).order_by(Post.id)).all()
    for p in posts:
        print(p.title, [t.name for t in p.tags])
    print([p.title for p in posts[0].tags[1].posts])
    print(s.scalars(select(Post.title).where(Post.tags.any(Tag.name == "sql"))).all())
    print(s.scalars(select(Post.title).where(~Post.tags.any()).order_by(Post.title)).all())
    print(s.scalars(select(Tag.name).where(Tag.posts.any(title="b"))).all())
    s.expunge_all()
    for t in s.scalars(select(Tag).options(selectinload(Tag.posts)).order_by(Tag.id)):
        print(t.name, sorted(p.title for p in t.posts))
