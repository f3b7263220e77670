# passive_deletes=True / "all" on one-to-many collections, with and without a delete cascade,
# loaded and unloaded; the database's ON DELETE CASCADE / SET NULL does the rest.
from sqlalchemy import create_engine, event, ForeignKey, Integer, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


@event.listens_for(Engine, "connect")
def fk_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(
        back_populates="parent", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list["Note"]] = relationship(passive_deletes=True)
    tags: Mapped[list["Tag"]] = relationship(passive_deletes="all")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id", ondelete="CASCADE"))
    parent: Mapped["Parent"] = relationship(back_populates="children")


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("parent.id", ondelete="SET NULL"))


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("parent.id", ondelete="CASCADE"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    for i in (1, 2, 3):
        session.add(
            Parent(
                id=i,
                children=[Child(name=f"c{i}a"), Child(name=f"c{i}b")],
                notes=[Note(), Note()],
                tags=[Tag()],
            )
        )
    session.commit()

    # Unloaded collections: nothing is loaded, one DELETE for the parent.
    p1 = session.get(Parent, 1)
    session.delete(p1)
    session.commit()

    # Loaded collections: the cascade deletes the children, notes lose their key,
    # tags ("all") are left as they are.
    p2 = session.get(Parent, 2)
    print(len(p2.children), len(p2.notes), len(p2.tags))
    session.delete(p2)
    session.commit()

    # Only one collection loaded.
    p3 = session.get(Parent, 3)
    print([n.id for n in p3.notes])
    session.delete(p3)
    session.flush()
    print(session.scalars(select(Child.name).order_by(Child.id)).all())
    print(session.scalars(select(Note.parent_id).order_by(Note.id)).all())
    print(session.scalars(select(Tag.id)).all())
    session.commit()
