# source: doc/build/orm/session_events.rst, section "Transient"
# adapted: the page's Base with a User mapping (id, name, a repr)
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

# --- doc/build/orm/session_events.rst ---
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy import event


class Base(DeclarativeBase):
    pass


@event.listens_for(Base, "init", propagate=True)
def intercept_init(instance, args, kwargs):
    print("new transient: %s" % instance)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def __repr__(self):
        return f"User(name={getattr(self, 'name', None)!r})"


u = User(name="u1")
print(u)
