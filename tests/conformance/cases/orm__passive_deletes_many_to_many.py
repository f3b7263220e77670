# passive_deletes=True on a many-to-many: an unloaded collection's association rows are left
# to ON DELETE CASCADE; a loaded one's are deleted by the ORM. Also through backref().
from sqlalchemy import create_engine, event, Column, ForeignKey, Integer, String, Table, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, backref, Session


@event.listens_for(Engine, "connect")
def fk_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Base(DeclarativeBase):
    pass


assoc = Table(
    "assoc",
    Base.metadata,
    Column("left_id", ForeignKey("left.id", ondelete="CASCADE"), primary_key=True),
    Column("right_id", ForeignKey("right.id", ondelete="CASCADE"), primary_key=True),
)


class Left(Base):
    __tablename__ = "left"
    id: Mapped[int] = mapped_column(primary_key=True)
    rights = relationship(
        "Right", secondary=assoc, passive_deletes=True,
        backref=backref("lefts", passive_deletes=True),
    )


class Right(Base):
    __tablename__ = "right"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    r1, r2, r3 = Right(id=1, name="r1"), Right(id=2, name="r2"), Right(id=3, name="r3")
    session.add_all([r1, r2, r3, Left(id=1), Left(id=2), Left(id=3)])
    session.flush()
    pairs = [(1, 1), (1, 2), (2, 2), (2, 3), (3, 1), (3, 3)]
    session.execute(assoc.insert(), [{"left_id": a, "right_id": b} for a, b in pairs])
    session.commit()

    session.delete(session.get(Left, 1))
    session.commit()

    l2 = session.get(Left, 2)
    print(sorted(r.name for r in l2.rights))
    session.delete(l2)
    session.commit()

    session.delete(session.get(Right, 3))
    session.commit()
    print(session.execute(select(assoc)).all())
