# source: doc/build/orm/contextual.rst, section "Contextual/Thread-local Sessions"
# adapted: `some_engine` is a SQLite engine with a small `MyClass` mapping (id, data) created on it; the `>>>` examples, their shown values printed
from sqlalchemy import create_engine
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import scoped_session
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "my_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[str] = mapped_column(String(30))

    def __repr__(self):
        return f"MyClass(id={self.id!r}, data={self.data!r})"


some_engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(some_engine)

# --- doc/build/orm/contextual.rst ---
session_factory = sessionmaker(bind=some_engine)
Session = scoped_session(session_factory)
some_session = Session()
some_other_session = Session()
print(some_session is some_other_session)
Session.remove()
new_session = Session()
print(new_session is some_session)
