# source: doc/build/orm/contextual.rst, section "Implicit Method Access"
# adapted: `some_engine` is a SQLite engine with a small `MyClass` mapping (id, data) created on it; `some_factory` is `sessionmaker(bind=some_engine)`, a row is added through the registry first
from sqlalchemy import create_engine
from sqlalchemy import select
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

some_factory = sessionmaker(bind=some_engine)

# --- doc/build/orm/contextual.rst ---
Session = scoped_session(some_factory)

Session.add(MyClass(data="d1"))
Session.commit()

# equivalent to:
#
# session = Session()
# print(session.scalars(select(MyClass)).all())
#
print(Session.scalars(select(MyClass)).all())
print(Session() is Session.registry())
Session.remove()
