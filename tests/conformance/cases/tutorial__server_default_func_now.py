# Timestamps with server_default=func.now() and onupdate=func.now(): the value is fetched
# after INSERT (only checked for presence), a fixed created_on date compared with
# func.date(), filters on date ranges, and clearing the clock columns for a stable table.
from datetime import date, datetime

from sqlalchemy import Date, DateTime, String, create_engine, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    happens_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, onupdate=func.now())


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    ev = Event(name="Launch", happens_on=date(2024, 6, 1))
    session.add_all([ev, Event(name="Retro", happens_on=date(2024, 6, 15)), Event(name="Party", happens_on=date(2024, 7, 4))])
    session.commit()
    print(ev.created_at is not None, type(ev.created_at).__name__, ev.updated_at)

    ev.name = "Big Launch"
    session.commit()
    print(ev.updated_at is not None)

    june = select(Event.name).where(Event.happens_on.between(date(2024, 6, 1), date(2024, 6, 30))).order_by(Event.happens_on)
    print(session.scalars(june).all())
    print(session.scalars(select(Event.name).where(func.strftime("%m", Event.happens_on) == "07")).all())
    print(session.scalar(select(func.max(Event.happens_on))))
    print(session.scalar(select(func.min(Event.happens_on))).isoformat())

    session.execute(update(Event).values(created_at=datetime(2024, 1, 1), updated_at=None))
    session.commit()
    print(ev.created_at)
