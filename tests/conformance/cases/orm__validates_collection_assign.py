# @validates on a collection: assignment of a whole list, append, extend, insert; a column validator that rewrites the value; loading does not validate.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, validates


class Base(DeclarativeBase):
    pass


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id = mapped_column(ForeignKey("post.id"))
    name: Mapped[str] = mapped_column(String(20))

    @validates("name")
    def lower(self, key, value):
        print("validate", key, value)
        return value.lower()


class Post(Base):
    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    tags = relationship(Tag)

    @validates("tags")
    def check_tag(self, key, tag):
        print("tag", key, tag.name)
        return tag


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
p = Post(tags=[Tag(name="A")])
p.tags = [p.tags[0], Tag(name="B")]
p.tags.extend([Tag(name="C")])
p.tags.insert(0, Tag(name="D"))
print([t.name for t in p.tags])
with Session(engine) as session:
    session.add(p)
    session.commit()
with Session(engine) as session:
    print(sorted(t.name for t in session.scalars(select(Tag))))
    t = session.get(Tag, 1)
    t.name = "MiXed"
    print(t.name)
    session.commit()
