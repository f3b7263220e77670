# source: doc/build/orm/mapping_styles.rst, section "Inspection of Mapped Instances"
# adapted: User is the page's user table (id, name, fullname, nickname) mapped declaratively with an `addresses` relationship; values the page shows are printed (object addresses in the page's output are not); an engine, a user with nickname "nickname" inserted, `session = Session(engine)`
from typing import List
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    fullname: Mapped[str] = mapped_column(String(50))
    nickname: Mapped[Optional[str]] = mapped_column(String(12))
    addresses: Mapped[List["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(name="u1", fullname="User One", nickname="nickname"))
    s.commit()
session = Session(engine)

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import inspect

u1 = session.scalars(select(User)).first()
insp = inspect(u1)
print(type(insp).__name__)
print(insp.mapper)
print(insp.session is session)
print(insp.persistent)
print(insp.pending)
print(insp.unloaded)
print(sorted(insp.unmodified))
print(insp.attrs.nickname.value)
u1.nickname = "new nickname"
print(insp.attrs.nickname.history)
