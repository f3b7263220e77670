# source: doc/build/orm/contextual.rst, section "Using Custom Created Scopes"
# adapted: `some_engine` is a SQLite engine with a small `MyClass` mapping (id, data) created on it; `my_web_framework` is stood for by a current-request variable and a request-end hook list
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

class Request:
    pass


current = [None]
end_hooks = []


def get_current_request():
    return current[0]


def on_request_end(fn):
    end_hooks.append(fn)
    return fn

# --- doc/build/orm/contextual.rst ---
Session = scoped_session(sessionmaker(bind=some_engine), scopefunc=get_current_request)


@on_request_end
def remove_session(req):
    Session.remove()


r1, r2 = Request(), Request()
current[0] = r1
s1 = Session()
current[0] = r2
s2 = Session()
print(s1 is s2)
current[0] = r1
print(Session() is s1)
Session.add(MyClass(data="r1"))
Session.commit()
for hook in end_hooks:
    hook(r1)
print(Session() is s1)
print(Session.scalars(select(MyClass)).all())
