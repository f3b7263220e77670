from sqlalchemy import create_engine, select, insert, func, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]

    def __repr__(self):
        return f"User({self.id}, {self.name!r}, {self.kind!r})"


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str]
    size: Mapped[int]

    def __repr__(self):
        return f"Note({self.id}, {self.user_id}, {self.body!r}, {self.size})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    users = session.scalars(
        insert(User).values(kind="staff").returning(User),
        [{"name": "ann"}, {"name": "bob"}, {"name": "cy", "kind": "guest"}],
    ).all()
    print(users)
    notes = session.scalars(
        insert(Note)
        .values(
            [
                {"user_id": select(User.id).where(User.name == "bob"), "body": "hi", "size": func.length("hi")},
                {"user_id": select(User.id).where(User.name == "ann"), "body": "hello", "size": 5},
            ]
        )
        .returning(Note)
    ).all()
    print(notes, notes[0] is session.get(Note, notes[0].id))
    rows = session.execute(
        insert(Note).values(body="x", size=func.length("abc")).returning(Note.id, Note.size),
        [{"user_id": 1}, {"user_id": 2}],
    ).all()
    print(rows)
    session.commit()
    print(session.execute(select(User.name, Note.body).join_from(Note, User).order_by(Note.id)).all())
