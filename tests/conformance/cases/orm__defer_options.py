# Column deferral: mapper-level deferred columns and groups, load_only / defer / undefer
# options, deferred loads on access, raiseload, expire of a deferred column, and a
# query_expression() filled by with_expression().
from typing import List
from sqlalchemy import create_engine, select, func, ForeignKey, Text, Column, String
from sqlalchemy.orm import (
    DeclarativeBase, Mapped, mapped_column, relationship, Session, load_only, defer,
    undefer, undefer_group, deferred, query_expression, with_expression, selectinload,
    defaultload,
)
from sqlalchemy.exc import InvalidRequestError


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    bio: Mapped[str] = mapped_column(Text, deferred=True)
    notes = deferred(Column(String), group="extra")
    photo: Mapped[str] = mapped_column(deferred=True, deferred_group="extra")
    posts: Mapped[List["Post"]] = relationship(back_populates="author")
    post_count: Mapped[int] = query_expression()


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    title: Mapped[str]
    body: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(deferred=True, deferred_raiseload=True)
    author: Mapped["Author"] = relationship(back_populates="posts")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([
        Author(name="a", bio="bio a", notes="n a", photo="p a", posts=[
            Post(title="t1", body="b1", secret="s1"), Post(title="t2", body="b2", secret="s2")]),
        Author(name="b", bio="bio b", notes="n b", photo="p b", posts=[
            Post(title="t3", body="b3", secret="s3")]),
    ])
    s.commit()

with Session(engine) as s:
    a = s.scalars(select(Author).order_by(Author.id)).first()
    print(a.name, a.post_count)
    print(a.bio)
    print(a.notes, a.photo)
    s.expire(a, ["bio"])
    print(a.bio)
    print(select(Author).options(undefer_group("extra")))
    print(select(Author).options(load_only(Author.name), undefer(Author.bio)))
    print(select(Post).options(defer(Post.body), undefer("*")))

with Session(engine) as s:
    posts = s.scalars(select(Post).options(load_only(Post.title)).order_by(Post.id)).all()
    print([p.title for p in posts])
    print(posts[0].body)
    try:
        posts[0].secret
    except InvalidRequestError as e:
        print("raised:", e)
    p = s.scalars(select(Post).options(undefer(Post.secret)).where(Post.id == 2)).one()
    print(p.secret)
    q = s.scalars(select(Post).options(defer(Post.body, raiseload=True)).where(Post.id == 3)).one()
    try:
        q.body
    except InvalidRequestError as e:
        print("raised:", e)

with Session(engine) as s:
    stmt = (
        select(Author)
        .join(Author.posts)
        .group_by(Author.id)
        .order_by(Author.id)
        .options(with_expression(Author.post_count, func.count(Post.id)))
    )
    for a in s.scalars(stmt):
        print(a.name, a.post_count)
    for a in s.scalars(select(Author).options(selectinload(Author.posts).load_only(Post.title))):
        print(a.name, [p.title for p in a.posts])

with Session(engine) as s:
    for a in s.scalars(select(Author).options(defaultload(Author.posts).defer(Post.body))):
        print(a.name, [(p.title, p.body) for p in a.posts])

with Session(engine) as s:
    a = s.scalars(select(Author).options(load_only(Author.name)).where(Author.id == 1)).one()
    s.expunge(a)
    try:
        a.bio
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
