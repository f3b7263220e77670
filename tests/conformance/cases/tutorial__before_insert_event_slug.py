# ORM events from a tutorial: a before_insert mapper event fills in a slug, before_update bumps a
# version counter, and a session after_commit hook logs.
import re

from sqlalchemy import create_engine, Column, Integer, String, event
from sqlalchemy.orm import declarative_base, sessionmaker, Session

Base = declarative_base()


class Page(Base):
    __tablename__ = "pages"
    id = Column(Integer, primary_key=True)
    title = Column(String(100), nullable=False)
    slug = Column(String(100), unique=True)
    version = Column(Integer, default=1)


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@event.listens_for(Page, "before_insert")
def make_slug(mapper, connection, target):
    if not target.slug:
        target.slug = slugify(target.title)
    print("before_insert", target.title)


@event.listens_for(Page, "before_update")
def bump_version(mapper, connection, target):
    target.version = (target.version or 0) + 1
    print("before_update", target.slug)


@event.listens_for(Session, "after_commit")
def after_commit(session):
    print("committed")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session_ = sessionmaker(bind=engine)
session = Session_()

session.add(Page(title="Hello World!"))
session.add(Page(title="About  Us", slug="about"))
session.commit()
page = session.query(Page).filter_by(slug="hello-world").one()
page.title = "Hello, World"
session.commit()
print(page.slug, page.version)
print(session.query(Page.slug, Page.version).order_by(Page.id).all())
