# source: doc/build/orm/session_events.rst, section "Deleted to Persistent"
# adapted: User is a small mapping (id, name, a repr) on a SQLite `engine`; the sessions are bound to it and an object is taken through the transition; the page's `event.listens_for(sessionmaker, ...)` listens on the Session class (SQLAlchemy 2.1 has no events on the sessionmaker class itself: InvalidRequestError)
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import select
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
@event.listens_for(Session, "deleted_to_persistent")
def intercept_deleted_to_persistent(session, object_):
    print("deleted to persistent: %s" % object_)


with Session(engine) as s:
    s.add(User(name="u1"))
    s.commit()
session = Session(engine)
u = session.scalars(select(User)).one()
session.delete(u)
session.flush()
print("rolling back")
session.rollback()
print(u in session)
