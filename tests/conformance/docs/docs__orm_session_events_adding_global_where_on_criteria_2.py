# source: doc/build/orm/session_events.rst, section "Adding global WHERE / ON criteria"
# adapted: the page's HasTimestamp classes on a DeclarativeBase (the second class's table named "some_other_entity", the page repeats "some_entity"); the clock is replaced: rows get fixed timestamps and `one_month_ago` is a fixed date (the page's `timedelta(months=1)` is not a valid argument); `Session = sessionmaker(engine)`; a query against each class
import datetime

from sqlalchemy import create_engine
from sqlalchemy import DateTime
from sqlalchemy import event
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm import with_loader_criteria


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/session_events.rst ---
class HasTimestamp:
    timestamp = mapped_column(DateTime, default=datetime.datetime.now)


class SomeEntity(HasTimestamp, Base):
    __tablename__ = "some_entity"

    id = mapped_column(Integer, primary_key=True)


class SomeOtherEntity(HasTimestamp, Base):
    __tablename__ = "some_other_entity"

    id = mapped_column(Integer, primary_key=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(engine)
with Session() as s:
    s.add_all([
        SomeEntity(id=1, timestamp=datetime.datetime(2020, 1, 1)),
        SomeEntity(id=2, timestamp=datetime.datetime(2020, 3, 1)),
        SomeOtherEntity(id=1, timestamp=datetime.datetime(2020, 3, 5)),
    ])
    s.commit()


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if (
        orm_execute_state.is_select
        and not orm_execute_state.is_column_load
        and not orm_execute_state.is_relationship_load
    ):
        one_month_ago = datetime.datetime(2020, 2, 1)

        orm_execute_state.statement = orm_execute_state.statement.options(
            with_loader_criteria(
                HasTimestamp,
                lambda cls: cls.timestamp >= one_month_ago,
                include_aliases=True,
            )
        )


with Session() as session:
    print([e.id for e in session.scalars(select(SomeEntity))])
    print([e.id for e in session.scalars(select(SomeOtherEntity))])
