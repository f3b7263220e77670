# source: doc/build/orm/mapping_styles.rst, section "Declarative Mapping"
# adapted: the page's mapping (`Optional` imported), then an engine, a row and a query
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import Session

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import Integer, String, ForeignKey
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


# declarative base class
class Base(DeclarativeBase):
    pass


# an example mapping using the base
class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str] = mapped_column(String(30))
    nickname: Mapped[Optional[str]]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="spongebob", fullname="Spongebob Squarepants"))
    session.commit()
    u = session.scalars(select(User)).one()
    print(u.id, u.name, u.fullname, u.nickname)
