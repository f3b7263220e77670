# An Enum column for a workflow state: a str-based enum.Enum, default, transitions in a
# method, filtering with in_(), counts per status with group_by, reading the raw column.
import enum

from sqlalchemy import Enum, String, create_engine, func, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Status(str, enum.Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


ALLOWED = {
    Status.OPEN: {Status.IN_PROGRESS, Status.CLOSED},
    Status.IN_PROGRESS: {Status.CLOSED, Status.OPEN},
    Status.CLOSED: set(),
}


class Base(DeclarativeBase):
    pass


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    status: Mapped[Status] = mapped_column(Enum(Status), default=Status.OPEN)

    def move_to(self, new: Status):
        if new not in ALLOWED[self.status]:
            raise ValueError(f"cannot move {self.status.value} -> {new.value}")
        self.status = new

    def __repr__(self):
        return f"Ticket({self.id}, {self.title!r}, {self.status})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Ticket(title=t) for t in ("Login bug", "Dark mode", "Typo", "Crash on save")])
    session.flush()
    t1, t2, t3, t4 = session.scalars(select(Ticket).order_by(Ticket.id)).all()
    t1.move_to(Status.IN_PROGRESS)
    t3.move_to(Status.CLOSED)
    t4.move_to(Status.IN_PROGRESS)
    t4.move_to(Status.CLOSED)
    try:
        t3.move_to(Status.OPEN)
    except ValueError as e:
        print(e)
    session.commit()

    print(session.scalars(select(Ticket).where(Ticket.status.in_([Status.OPEN, Status.IN_PROGRESS]))).all())
    for status, n in session.execute(select(Ticket.status, func.count()).group_by(Ticket.status).order_by(Ticket.status)):
        print(status.name, status.value, n)
    print(session.execute(text("SELECT status FROM tickets ORDER BY id")).scalars().all())
    print(session.scalar(select(Ticket).where(Ticket.status == "closed").limit(1)))
    print(Status("closed") is Status.CLOSED, Status.CLOSED == "closed")
