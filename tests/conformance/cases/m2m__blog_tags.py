# Tutorial-style many-to-many: posts and tags through an association Table, back_populates on
# both sides; appending (from either side), removing, lazy loading, deleting a parent.
from typing import List
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

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
    py, sql, orm = Tag(name="python"), Tag(name="sql"), Tag(name="orm")
    p1 = Post(title="first", tags=[py, sql])
    # one parent's rows per flush: SQLAlchemy visits several parents in no fixed order
    s.add(p1)
    s.commit()
    p2 = Post(title="second")
    p2.tags.append(orm)
    p2.tags.append(py)
    s.add(p2)
    s.commit()
    print([t.name for t in p1.tags], [p.title for p in py.posts])
    p1.tags.remove(sql)
    orm.posts.append(p1)
    s.commit()
    print(s.execute(select(post_tags)).all())
    s.delete(p2)
    s.commit()
    print(s.execute(select(post_tags)).all())
    print(s.scalars(select(Tag.name).order_by(Tag.id)).all())
    t = s.scalars(select(Tag).where(Tag.name == "orm")).one()
    print([p.title for p in t.posts])
    print(s.query(Post).first().tags)
