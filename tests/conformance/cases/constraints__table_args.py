from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, create_engine, select
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    __table_args__ = (
        UniqueConstraint("name", "fullname", name="uq_user_name_fullname"),
        CheckConstraint("length(name) > 1", name="ck_name_len"),
        Index("ix_user_fullname", "fullname"),
        {"comment": "the users"},
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[str | None]
    email: Mapped[str] = mapped_column(unique=True, index=True)


class Address(Base):
    __tablename__ = "address"
    __table_args__ = {"sqlite_autoincrement": False}
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    email_address: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(name="spongebob", fullname="Spongebob Squarepants", email="s@x"))
    session.commit()
    session.add(User(name="spongebob", fullname="Spongebob Squarepants", email="t@x"))
    try:
        session.commit()
    except IntegrityError as e:
        print("dup:", e.orig)
        session.rollback()
    session.add(User(name="s", fullname="S", email="u@x"))
    try:
        session.flush()
    except IntegrityError as e:
        print("check:", e.orig)
        session.rollback()
    print(session.scalars(select(User.name)).all())

try:
    class Bad(Base):
        __tablename__ = "bad"
        __table_args__ = (UniqueConstraint("nope"),)
        id: Mapped[int] = mapped_column(primary_key=True)
except ArgumentError as e:
    print(type(e).__name__, e)
