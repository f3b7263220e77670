# ORM Date/DateTime attributes with fixed values: how they are bound, stored (ISO strings)
# and compared in filters; ordering by a DateTime.
import datetime
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    day: Mapped[datetime.date]
    at: Mapped[datetime.datetime]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([
        Event(name="launch", day=datetime.date(2024, 3, 1), at=datetime.datetime(2024, 3, 1, 9, 30)),
        Event(name="review", day=datetime.date(2024, 1, 15), at=datetime.datetime(2024, 1, 15, 17, 0, 5, 250000)),
        Event(name="party", day=datetime.date(2024, 12, 31), at=datetime.datetime(2024, 12, 31, 23, 59, 59)),
    ])
    s.commit()
    for e in s.scalars(select(Event).order_by(Event.at)):
        print(e.name, e.day, e.at, type(e.at).__name__)
    print(s.scalars(select(Event.name).where(Event.day >= datetime.date(2024, 2, 1)).order_by(Event.id)).all())
    print(s.scalars(select(Event.name).where(Event.at < datetime.datetime(2024, 3, 1, 9, 30, 1))).all())
    print(s.scalar(select(func.max(Event.day))))
    print(s.scalar(select(func.min(Event.at))))
    ev = s.get(Event, 1)
    ev.at = ev.at + datetime.timedelta(hours=1)
    s.commit()
    print(ev.at)
