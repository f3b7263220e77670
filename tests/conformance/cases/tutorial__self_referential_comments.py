# Threaded comments (adjacency list): parent_id to the same table, replies with
# back_populates and remote_side, a recursive print of the tree, counting replies, and
# deleting a thread with cascade="all, delete-orphan".
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("comments.id"))
    parent: Mapped[Optional["Comment"]] = relationship(back_populates="replies", remote_side=[id])
    replies: Mapped[List["Comment"]] = relationship(back_populates="parent", cascade="all, delete-orphan")

    def __repr__(self):
        return f"Comment({self.text!r})"


def show(comment, depth=0):
    print("  " * depth + "- " + comment.text)
    for r in comment.replies:
        show(r, depth + 1)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    root = Comment(text="Great article!")
    a = Comment(text="Agreed", parent=root)
    Comment(text="Me too", parent=a)
    root.replies.append(Comment(text="Typo in paragraph 2"))
    other = Comment(text="First!")
    session.add_all([root, other])
    session.commit()

    for top in session.scalars(select(Comment).where(Comment.parent_id.is_(None)).order_by(Comment.id)):
        show(top)

    reply = aliased(Comment)
    stmt = (
        select(Comment.text, func.count(reply.id))
        .outerjoin(reply, reply.parent_id == Comment.id)
        .group_by(Comment.id)
        .order_by(Comment.id)
    )
    print(session.execute(stmt).all())
    me_too = session.scalars(select(Comment).filter_by(text="Me too")).one()
    print(me_too.parent, me_too.parent.parent)

    session.delete(root)
    session.commit()
    print(session.scalars(select(Comment)).all())
