# source: doc/build/orm/session_events.rst, section "Re-Executing Statements"
# adapted: User is a small mapping (id, name) with rows on a SQLite engine, `Session = sessionmaker(engine)`; the cached statement run twice and its rows printed; the merged FrozenResult is called to give the Result (as the page's linked caching example does)
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
        return f"User(id={self.id!r}, name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(engine)
with Session() as s:
    s.add_all([User(name="sandy"), User(name="patrick")])
    s.commit()

# --- doc/build/orm/session_events.rst ---
from sqlalchemy.orm import loading

cache = {}


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if "my_cache_key" in orm_execute_state.execution_options:
        cache_key = orm_execute_state.execution_options["my_cache_key"]

        if cache_key in cache:
            frozen_result = cache[cache_key]
        else:
            frozen_result = orm_execute_state.invoke_statement().freeze()
            cache[cache_key] = frozen_result

        return loading.merge_frozen_result(
            orm_execute_state.session,
            orm_execute_state.statement,
            frozen_result,
            load=False,
        )()


session = Session()
stmt = (
    select(User).where(User.name == "sandy").execution_options(my_cache_key="key_sandy")
)

result = session.execute(stmt)
print(result.scalars().all())
session.close()
session = Session()
result = session.execute(stmt)
print(result.scalars().all())
