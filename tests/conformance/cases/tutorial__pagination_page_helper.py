# A pagination helper for a 2.0 select(): total with select(func.count()).select_from(
# stmt.subquery()), LIMIT/OFFSET per page, math.ceil for the page count, a Page namedtuple.
import math
from collections import namedtuple

from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

Page = namedtuple("Page", "items page per_page total pages has_next has_prev")


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    published: Mapped[bool] = mapped_column(default=True)


def paginate(session, stmt, page=1, per_page=10):
    if page < 1:
        raise ValueError("page must be >= 1")
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    items = session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)).all()
    pages = math.ceil(total / per_page) if per_page else 0
    return Page(items, page, per_page, total, pages, page < pages, page > 1)


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all(Post(title=f"Post {i:02d}", published=i % 4 != 0) for i in range(1, 24))
    session.commit()

    stmt = select(Post).where(Post.published.is_(True)).order_by(Post.id.desc())
    for n in (1, 2, 3):
        p = paginate(session, stmt, page=n, per_page=7)
        print(n, [post.id for post in p.items], p.total, p.pages, p.has_next, p.has_prev)

    empty = paginate(session, stmt, page=9, per_page=7)
    print(empty.items, empty.has_next)
    try:
        paginate(session, stmt, page=0)
    except ValueError as e:
        print("error:", e)

    # keyset ("seek") pagination
    last_id = None
    batches = []
    while True:
        q = select(Post.id).order_by(Post.id).limit(10)
        if last_id is not None:
            q = q.where(Post.id > last_id)
        ids = session.scalars(q).all()
        if not ids:
            break
        batches.append(len(ids))
        last_id = ids[-1]
    print(batches)
