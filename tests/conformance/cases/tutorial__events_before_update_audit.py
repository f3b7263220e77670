# Mapper and session events for auditing: before_insert / before_update set timestamps from
# a fake clock, after_insert / after_delete log, before_flush inspects new and dirty objects,
# and inspect().attrs history tells what changed.
from datetime import datetime, timedelta

from sqlalchemy import DateTime, String, create_engine, event, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Clock:
    def __init__(self):
        self.t = datetime(2024, 5, 1, 8, 0, 0)

    def now(self):
        self.t += timedelta(minutes=5)
        return self.t


clock = Clock()
audit_log = []


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=True)


@event.listens_for(Document, "before_insert")
def set_created(mapper, connection, target):
    target.created_at = target.updated_at = clock.now()


@event.listens_for(Document, "before_update")
def set_updated(mapper, connection, target):
    state = inspect(target)
    changes = {}
    for attr in state.attrs:
        hist = attr.load_history()
        if hist.has_changes():
            changes[attr.key] = (hist.deleted[0] if hist.deleted else None, hist.added[0])
    audit_log.append(("update", target.id, changes))
    target.updated_at = clock.now()


@event.listens_for(Document, "after_insert")
def log_insert(mapper, connection, target):
    audit_log.append(("insert", target.id, target.title))


@event.listens_for(Document, "after_delete")
def log_delete(mapper, connection, target):
    audit_log.append(("delete", target.id, None))


@event.listens_for(Session, "before_flush")
def before_flush(session, flush_context, instances):
    print("flushing: new=%d dirty=%d deleted=%d" % (len(session.new), len(session.dirty), len(session.deleted)))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    doc = Document(title="Draft")
    other = Document(title="Notes", body="x")
    session.add_all([doc, other])
    session.commit()
    print(doc.created_at, doc.updated_at)

    doc.title = "Final"
    doc.body = "Hello"
    session.commit()
    print(doc.created_at, doc.updated_at)

    session.delete(other)
    session.commit()

    for entry in audit_log:
        print(entry)
    print(session.scalars(select(Document.title)).all())
