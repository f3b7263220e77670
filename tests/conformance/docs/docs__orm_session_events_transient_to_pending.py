# source: doc/build/orm/session_events.rst, section "Transient to Pending"
# adapted: User is a small mapping (id, name, a repr) on a SQLite `engine`; the sessions are bound to it and an object is taken through the transition; the page's `event.listens_for(sessionmaker, ...)` listens on the Session class (SQLAlchemy 2.1 has no events on the sessionmaker class itself: InvalidRequestError)
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
@event.listens_for(Session, "transient_to_pending")
def intercept_transient_to_pending(session, object_):
    print("transient to pending: %s" % object_)


session = Session(engine)
session.add(User(name="u1"))
