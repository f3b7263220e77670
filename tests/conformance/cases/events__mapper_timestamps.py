# Mapper events: before_insert / before_update fill columns (the documented timestamp and
# slug recipes), after_insert / after_update / after_delete observe, propagate=True reaches
# subclasses, and listeners receive the mapper and a connection they can run SQL on.
from sqlalchemy import ForeignKey, String, create_engine, event, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "article"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    slug: Mapped[str] = mapped_column(String(50), default="")
    version: Mapped[int] = mapped_column(default=0)
    type: Mapped[str]
    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "article"}


class Review(Article):
    __tablename__ = "review"
    id: Mapped[int] = mapped_column(ForeignKey("article.id"), primary_key=True)
    stars: Mapped[int]
    __mapper_args__ = {"polymorphic_identity": "review"}


@event.listens_for(Article, "before_insert", propagate=True)
def make_slug(mapper, connection, target):
    print("before_insert", mapper.class_.__name__, target.title)
    target.slug = target.title.lower().replace(" ", "-")


@event.listens_for(Article, "before_update", propagate=True)
def bump_version(mapper, connection, target):
    print("before_update", target.title)
    target.version = (target.version or 0) + 1


@event.listens_for(Article, "after_insert", propagate=True)
def count_rows(mapper, connection, target):
    n = connection.execute(text("SELECT count(*) FROM article")).scalar()
    print("after_insert", target.id, n)


@event.listens_for(Review, "after_update")
def review_updated(mapper, connection, target):
    print("after_update review", target.stars)


@event.listens_for(Article, "after_delete")
def deleted(mapper, connection, target):
    print("after_delete", target.title)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a = Article(title="Hello World")
    r = Review(title="Great Book", stars=4)
    session.add_all([a, r])
    session.commit()
    print(a.slug, r.slug, a.version)
    a.title = "Hello Again"
    r.stars = 5
    session.commit()
    print(a.version, r.version)
    session.delete(a)
    session.commit()
    print(session.execute(select(Article.title, Article.slug, Article.version)).all())
