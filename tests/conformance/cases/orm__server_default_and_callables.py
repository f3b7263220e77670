# ORM columns with server_default (fetched back after INSERT), a Python callable default, a
# context-sensitive default, and onupdate.
from sqlalchemy import create_engine, Integer, String, text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

seq = iter(range(100, 200))

def next_ticket():
    return next(seq)

def slug_default(context):
    return context.get_current_parameters()["title"].lower().replace(" ", "-")

class Base(DeclarativeBase):
    pass

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(40))
    slug: Mapped[str] = mapped_column(String(40), default=slug_default)
    ticket: Mapped[int] = mapped_column(default=next_ticket)
    status: Mapped[str] = mapped_column(String(10), server_default="draft")
    views: Mapped[int] = mapped_column(server_default=text("0"))
    edits: Mapped[int] = mapped_column(default=0, onupdate=lambda: 1)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    a = Post(title="Hello World")
    b = Post(title="Second Post", status="live")
    s.add_all([a, b])
    s.flush()
    print(a.id, a.slug, a.ticket, a.status, a.views, a.edits)
    print(b.id, b.slug, b.ticket, b.status, b.views, b.edits)
    s.commit()
    a.title = "Hello Again"
    s.commit()
    print(a.title, a.slug, a.edits)
    s.add(Post(title="Third", views=5))
    s.commit()
    print(s.execute(select(Post.id, Post.slug, Post.ticket, Post.status, Post.views, Post.edits).order_by(Post.id)).all())
