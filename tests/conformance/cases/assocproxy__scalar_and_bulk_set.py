# association_proxy forms: strings proxied through a one-to-many with the default creator
# (the target class called with the value), assigning a whole list, remove/pop/extend/clear
# through the proxy, and a proxy through a many-to-one (a scalar).
from typing import List, Optional

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Country(Base):
    __tablename__ = "country"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __init__(self, name):
        self.name = name


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    country_id: Mapped[Optional[int]] = mapped_column(ForeignKey("country.id"))
    country: Mapped[Optional[Country]] = relationship()
    tag_rows: Mapped[List["Tag"]] = relationship(cascade="all, delete-orphan")
    tags = association_proxy("tag_rows", "name")
    country_name = association_proxy("country", "name")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"))
    name: Mapped[str]

    def __init__(self, name):
        self.name = name


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    p = Post(title="hello")
    print(p.tags, p.country_name)
    p.tags.append("python")
    p.tags.extend(["sql", "orm", "misc"])
    print(p.tags, len(p.tag_rows))
    p.country_name = "Norway"
    print(p.country.name, p.country_name)
    session.add(p)
    session.commit()
    print(p.tags)
    p.tags.remove("sql")
    print(p.tags.pop(), p.tags)
    session.commit()
    print(session.scalars(select(Tag.name).order_by(Tag.id)).all())
    p.tags = ["a", "b"]
    session.commit()
    print(session.scalars(select(Tag.name).order_by(Tag.id)).all())
    p.country_name = "Sweden"
    session.commit()
    print(session.scalars(select(Country.name)).all())
    print(session.scalars(select(Post.title).where(Post.tags == "b")).all())
    print(session.scalars(select(Post.title).where(Post.country_name == "Sweden")).all())
    print(p.tags == ["a", "b"], "a" in p.tags, p.tags.index("b"))
    try:
        p.tags.remove("zzz")
    except ValueError as e:
        print("ValueError", e)
