# Soft delete: a mixin with deleted_at, soft_delete()/restore() methods, an is_deleted
# property, and queries that filter `deleted_at IS NULL` by hand.
from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

FIXED_NOW = datetime(2024, 3, 1, 9, 30)


class Base(DeclarativeBase):
    pass


class SoftDeleteMixin:
    deleted_at: Mapped[Optional[datetime]] = mapped_column(DateTime, default=None, index=True)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def soft_delete(self):
        self.deleted_at = FIXED_NOW

    def restore(self):
        self.deleted_at = None


class Article(SoftDeleteMixin, Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))

    def __repr__(self):
        flag = " (deleted)" if self.is_deleted else ""
        return f"<Article #{self.id} {self.title}{flag}>"


engine = create_engine("sqlite://", echo=False)
Base.metadata.create_all(engine)


def active(stmt):
    return stmt.where(Article.deleted_at.is_(None))


with Session(engine) as session:
    session.add_all([Article(title=t) for t in ["Intro", "Setup", "Deploy", "FAQ"]])
    session.commit()

    faq = session.scalars(select(Article).filter_by(title="FAQ")).one()
    faq.soft_delete()
    session.get(Article, 2).soft_delete()
    session.commit()

    print(session.scalars(active(select(Article)).order_by(Article.id)).all())
    print(session.scalars(select(Article).where(Article.deleted_at.is_not(None))).all())
    count = session.scalar(active(select(func.count()).select_from(Article)))
    print("active count:", count)

    faq.restore()
    session.commit()
    print([a.title for a in session.scalars(active(select(Article)))])
    print(repr(session.get(Article, 2)))
