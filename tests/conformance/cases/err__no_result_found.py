# Result.one() on an empty result: NoResultFound.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ann"))
    session.commit()
    print(session.scalars(select(User).where(User.name == "bob")).one_or_none())
    print(session.scalars(select(User).where(User.name == "bob")).first())
    session.scalars(select(User).where(User.name == "bob")).one()
