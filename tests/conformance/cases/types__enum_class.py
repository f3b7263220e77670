import enum

from sqlalchemy import Enum, String, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Status(enum.Enum):
    PENDING = "pending"
    RECEIVED = "received"
    COMPLETED = "completed"


class Priority(enum.Enum):
    low = 1
    high = 2


class Base(DeclarativeBase):
    pass


class SomeClass(Base):
    __tablename__ = "some_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status]
    priority: Mapped[Priority | None] = mapped_column(
        Enum(Priority, create_constraint=True, length=10)
    )
    label: Mapped[str] = mapped_column(String(20))


print(repr(SomeClass.__table__.c.status.type))
print(repr(SomeClass.__table__.c.priority.type))
print(SomeClass.__table__.c.status.type.enums)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        SomeClass(status=Status.PENDING, priority=Priority.high, label="a"),
        SomeClass(status=Status.COMPLETED, label="b"),
        SomeClass(status="RECEIVED", priority=Priority.low, label="c"),
    ])
    session.commit()
    rows = session.scalars(select(SomeClass).where(SomeClass.status != Status.PENDING).order_by(SomeClass.id)).all()
    for r in rows:
        print(r.label, r.status, r.priority, r.status is Status.COMPLETED)
    print(session.execute(select(SomeClass.status, SomeClass.priority).order_by(SomeClass.id)).all())
    print(session.execute(text("SELECT status, priority FROM some_table ORDER BY id")).all())
    session.execute(text("UPDATE some_table SET status = 'SHIPPED' WHERE id = 2"))
    try:
        session.scalars(select(SomeClass.status).where(SomeClass.id == 2)).one()
    except LookupError as e:
        print("LookupError:", e)
