# source: doc/build/orm/session_events.rst, section "Object Lifecycle Events"
# adapted: User is a small mapping (id, name, a repr) on a SQLite `engine`; the sessions are bound to it and an object is taken through the transition
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


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
from sqlalchemy.orm import Session

session = Session(engine)


@event.listens_for(session, "transient_to_pending")
def object_is_pending(session, obj):
    print("new pending: %s" % obj)


session.add(User(name="u1"))
Session(engine).add(User(name="not tracked"))
session.commit()
