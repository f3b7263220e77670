# source: doc/build/orm/mapping_styles.rst, section "Inspection of Mapper objects"
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
from sqlalchemy import inspect

insp = inspect(User)
print(type(insp.columns).__name__)
print(list(insp.columns))
print(repr(insp.columns.name))
print(type(insp.all_orm_descriptors).__name__)
print(insp.all_orm_descriptors.keys())
print([p.key for p in insp.column_attrs])
print(insp.column_attrs.name.key)
print(repr(insp.column_attrs.name.expression))
