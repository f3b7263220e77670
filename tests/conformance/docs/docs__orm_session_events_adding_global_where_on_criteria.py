# source: doc/build/orm/session_events.rst, section "Adding global WHERE / ON criteria"
# adapted: MyEntity is a small mapping (id, name, public) with three rows on a SQLite `engine`; the page's `with_loader_criteria(MyEntity.public == True)` given its entity argument, `with_loader_criteria(MyEntity, MyEntity.public == True)`; a query run through the session
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class MyEntity(Base):
    __tablename__ = "my_entity"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    public: Mapped[bool]

    def __repr__(self):
        return f"MyEntity(id={self.id!r}, name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with sessionmaker(engine)() as s:
    s.add_all([MyEntity(name="c", public=True), MyEntity(name="a", public=False),
               MyEntity(name="b", public=True)])
    s.commit()

# --- doc/build/orm/session_events.rst ---
from sqlalchemy.orm import with_loader_criteria

Session = sessionmaker(engine)


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(orm_execute_state):
    if (
        orm_execute_state.is_select
        and not orm_execute_state.is_column_load
        and not orm_execute_state.is_relationship_load
    ):
        orm_execute_state.statement = orm_execute_state.statement.options(
            with_loader_criteria(MyEntity, MyEntity.public == True)
        )


with Session() as session:
    print(session.scalars(select(MyEntity).order_by(MyEntity.id)).all())
