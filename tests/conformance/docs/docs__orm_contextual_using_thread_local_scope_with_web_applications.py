# source: doc/build/orm/contextual.rst, section "Using Thread-Local Scope with Web Applications"
# adapted: `some_engine` is a SQLite engine with a small `MyClass` mapping (id, data) created on it; the diagram's calls run in order for two requests, `sessionmaker()` bound to `some_engine`
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

# --- doc/build/orm/contextual.rst ---
Session = scoped_session(sessionmaker(bind=some_engine))

for n in range(2):
    Session()
    print(Session.execute(select(MyClass)).all())
    some_object = MyClass(data="request %d" % n)
    Session.add(some_object)
    Session.commit()
    Session.remove()

print(Session.scalars(select(MyClass.data)).all())
