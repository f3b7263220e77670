# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Building Custom Comparators"
# adapted: the section's mapping; the statement runs against two rows; the operate() form of the comparator (the section's second fragment) also compiled
from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

# --- doc/build/orm/extensions/hybrid.rst ---


class Base(DeclarativeBase):
    pass


class CaseInsensitiveComparator(Comparator[str]):
    def __eq__(self, other: Any) -> ColumnElement[bool]:  # type: ignore[override]  # noqa: E501
        return func.lower(self.__clause_element__()) == func.lower(other)


class SearchWord(Base):
    __tablename__ = "searchword"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str]

    @hybrid_property
    def word_insensitive(self) -> str:
        return self.word.lower()

    @word_insensitive.inplace.comparator
    @classmethod
    def _word_insensitive_comparator(cls) -> CaseInsensitiveComparator:
        return CaseInsensitiveComparator(cls.word)


from sqlalchemy import select
print(select(SearchWord).filter_by(word_insensitive="Trucks"))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([SearchWord(word="TRUCKS"), SearchWord(word="cars")])
    session.commit()
    print([w.word for w in session.scalars(select(SearchWord).filter_by(word_insensitive="Trucks"))])
    print(session.scalars(select(SearchWord)).first().word_insensitive)


class CaseInsensitiveComparator(Comparator):
    def operate(self, op, other, **kwargs):
        return op(
            func.lower(self.__clause_element__()),
            func.lower(other),
            **kwargs,
        )


print(CaseInsensitiveComparator(SearchWord.word) > "B")
