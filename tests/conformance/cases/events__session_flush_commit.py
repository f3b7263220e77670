# Session events (before_flush, after_flush, after_flush_postexec, before_commit,
# after_commit, after_rollback) on a session, the Session class and a sessionmaker.
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    audited: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)


@event.listens_for(Session, "before_flush")
def before_flush(session, flush_context, instances):
    print("before_flush", sorted(n.text for n in session.new), len(session.dirty), instances)
    for obj in session.new:
        obj.audited = True


@event.listens_for(Session, "after_flush")
def after_flush(session, flush_context):
    print("after_flush", len(session.new))


@event.listens_for(Session, "after_flush_postexec")
def after_flush_postexec(session, flush_context):
    print("after_flush_postexec", len(session.new))


SessionLocal = sessionmaker(engine)


@event.listens_for(SessionLocal, "after_commit")
def after_commit(session):
    print("after_commit")


@event.listens_for(SessionLocal, "before_commit")
def before_commit(session):
    print("before_commit", len(session.new))


@event.listens_for(SessionLocal, "after_rollback")
def after_rollback(session):
    print("after_rollback")


with SessionLocal() as session:
    session.add_all([Note(text="b"), Note(text="a")])
    session.commit()
    notes = session.scalars(select(Note).order_by(Note.id)).all()
    print([(n.text, n.audited) for n in notes])
    notes[0].text = "changed"
    session.flush()
    session.rollback()
    session.rollback()
    session.commit()

with Session(engine) as plain:
    plain.add(Note(text="plain"))
    plain.commit()
    print(plain.scalars(select(Note.audited).where(Note.text == "plain")).one())

once_calls = []
with Session(engine) as s2:
    event.listen(s2, "before_commit", lambda s: once_calls.append("once"), once=True)
    s2.commit()
    s2.commit()
print(once_calls)
