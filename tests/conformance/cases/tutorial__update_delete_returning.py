# UPDATE ... RETURNING and DELETE ... RETURNING on SQLite (3.35+): ORM-enabled update()
# returning updated rows, scalars() of returned ids, delete returning the entity, and an
# INSERT ... RETURNING of a server-generated default.
from sqlalchemy import String, create_engine, delete, func, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    priority: Mapped[int] = mapped_column(default=1)
    state: Mapped[str] = mapped_column(String(10), server_default="todo")

    def __repr__(self):
        return f"Task({self.id}, {self.title!r}, p{self.priority}, {self.state})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    result = session.execute(
        insert(Task).returning(Task.id, Task.state),
        [{"title": "write", "priority": 3}, {"title": "test", "priority": 2}, {"title": "ship"}],
    )
    print(result.all())

    stmt = update(Task).where(Task.priority >= 2).values(state="doing").returning(Task.id, Task.title)
    for row in session.execute(stmt):
        print("started", row.id, row.title)

    bumped = session.scalars(update(Task).values(priority=Task.priority + 1).returning(Task.priority)).all()
    print(sorted(bumped))

    gone = session.scalars(delete(Task).where(Task.state == "todo").returning(Task)).all()
    print("deleted:", gone)
    session.commit()
    print(session.scalars(select(Task).order_by(Task.id)).all())
    print(session.scalar(select(func.sum(Task.priority))))
