# source: doc/build/orm/declarative_tables.rst, section "Setting Load and Persistence Options for Declarative Mapped Columns"
# adapted: the section's two User mappings on two bases (the second given a name column); an engine, rows, the deferred column loaded on access and the active-history column's history printed
from sqlalchemy import create_engine
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import Text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class Base2(DeclarativeBase):
    pass

# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    bio: Mapped[str] = mapped_column(Text, deferred=True)


class User2(Base2):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    important_identifier: Mapped[str] = mapped_column(active_history=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="u1", bio="a long bio"))
    session.commit()
with Session(engine) as session:
    u = session.scalars(select(User)).one()
    print(u.name)
    print(u.bio)

engine2 = create_engine("sqlite://", echo=True)
Base2.metadata.create_all(engine2)
with Session(engine2) as session:
    session.add(User2(important_identifier="abc"))
    session.commit()
    u2 = session.scalars(select(User2)).one()
    session.expire(u2, ["important_identifier"])
    u2.important_identifier = "def"
    print(inspect(u2).attrs.important_identifier.history)
    session.commit()
