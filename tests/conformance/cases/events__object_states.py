# Object state-transition events (doc/build/orm/session_events.rst, "Object Lifecycle
# Events"): transient_to_pending, pending_to_persistent, loaded_as_persistent,
# persistent_to_deleted, deleted_to_detached, persistent_to_detached, detached_to_persistent,
# the rollback transitions, and Session.info.
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __repr__(self):
        return f"Item({self.name})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Maker = sessionmaker(engine, info={"app": "demo"})

EVENTS = [
    "transient_to_pending",
    "pending_to_transient",
    "pending_to_persistent",
    "persistent_to_transient",
    "loaded_as_persistent",
    "persistent_to_deleted",
    "deleted_to_persistent",
    "deleted_to_detached",
    "persistent_to_detached",
    "detached_to_persistent",
]


def watcher(name):
    def listener(session, instance):
        # (From __dict__: a listener must not load an expired attribute of a leaving object.)
        session.info.setdefault("log", []).append((name, instance.__dict__.get("name", "?")))
    return listener


for name in EVENTS:
    event.listen(Maker, name, watcher(name))


def show(session):
    print(session.info.get("log", []))
    session.info["log"] = []


with Maker() as session:
    print(session.info)
    a, b = Item(name="a"), Item(name="b")
    session.add_all([a, b])
    show(session)
    session.commit()
    show(session)
    c = Item(name="c")
    session.add(c)
    session.flush()
    session.rollback()
    show(session)
    session.add(Item(name="d"))
    session.rollback()
    show(session)
    got = session.scalars(select(Item).order_by(Item.id)).all()
    show(session)
    session.delete(got[0])
    session.flush()
    show(session)
    session.rollback()
    show(session)
    session.delete(got[1])
    session.commit()
    show(session)
    session.expunge(got[0])
    show(session)
    session.add(got[0])
    show(session)
    log_before_close = session.info
session.close()
print(log_before_close)

other = Session(engine)
other.add(Item(name="plain"))
other.commit()
print(other.info)
other.close()
