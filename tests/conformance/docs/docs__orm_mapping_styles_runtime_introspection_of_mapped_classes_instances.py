# source: doc/build/orm/mapping_styles.rst, section "Runtime Introspection of Mapped classes, Instances and Mappers"
# adapted: User is the page's user table (id, name, fullname, nickname) mapped declaratively with an `addresses` relationship; values the page shows are printed (object addresses in the page's output are not)
from typing import List
from typing import Optional

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship


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

# --- doc/build/orm/mapping_styles.rst ---
mapper = User.__mapper__
print(mapper)

from sqlalchemy import inspect

mapper = inspect(User)
print(mapper is User.__mapper__)

table = User.__table__
print(repr(table))

table = inspect(User).local_table
print(table is User.__table__)

table = inspect(User).selectable
print(table is User.__table__)
