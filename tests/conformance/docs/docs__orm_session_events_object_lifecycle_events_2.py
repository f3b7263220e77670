# source: doc/build/orm/session_events.rst, section "Object Lifecycle Events"
# adapted: User is a small mapping (id, name, a repr) on a SQLite `engine`; the sessions are bound to it and an object is taken through the transition (the stacked listeners dedented to module level)
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __repr__(self):
        return f"User(name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# --- doc/build/orm/session_events.rst ---
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

maker = sessionmaker(engine)


@event.listens_for(maker, "transient_to_pending")
def object_is_pending(session, obj):
    print("new pending: %s" % obj)


@event.listens_for(maker, "pending_to_persistent")
@event.listens_for(maker, "deleted_to_persistent")
@event.listens_for(maker, "detached_to_persistent")
@event.listens_for(maker, "loaded_as_persistent")
def detect_all_persistent(session, instance):
    print("object is now persistent: %s" % instance)


session = maker()
u1 = User(name="u1")
session.add(u1)
session.commit()
session.close()
session = maker()
print(session.scalars(select(User)).one())
session.close()
session.add(u1)
session.delete(u1)
session.flush()
session.rollback()
