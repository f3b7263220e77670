# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Hybrid Value Objects"
# adapted: the section's CaseInsensitiveWord and SearchWord on a Base (imports completed); the statements run against two rows
from __future__ import annotations


from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import aliased
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session



class Base(DeclarativeBase):
    pass

# --- doc/build/orm/extensions/hybrid.rst ---


class CaseInsensitiveWord(Comparator):
    "Hybrid value representing a lower case representation of a word."

    def __init__(self, word):
        if isinstance(word, str):
            self.word = word.lower()
        else:
            self.word = func.lower(word)

    def operate(self, op, other, **kwargs):
        if not isinstance(other, CaseInsensitiveWord):
            other = CaseInsensitiveWord(other)
        return op(self.word, other.word, **kwargs)

    def __clause_element__(self):
        return self.word

    def __str__(self):
        return self.word

    key = "word"
    "Label to apply to Query tuple results"


class SearchWord(Base):
    __tablename__ = "searchword"
    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str]

    @hybrid_property
    def word_insensitive(self) -> CaseInsensitiveWord:
        return CaseInsensitiveWord(self.word)


print(select(SearchWord).filter(SearchWord.word_insensitive == "Trucks"))

from sqlalchemy.orm import aliased
sw1 = aliased(SearchWord)
sw2 = aliased(SearchWord)
print(
    select(sw1.word_insensitive, sw2.word_insensitive).filter(
        sw1.word_insensitive > sw2.word_insensitive
    )
)

ws1 = SearchWord(word="SomeWord")
print(ws1.word_insensitive == "sOmEwOrD")
print(ws1.word_insensitive == "XOmEwOrX")
print(ws1.word_insensitive)

# --- adapted (not in the doc): the statements run ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([SearchWord(word="TRUCKS"), SearchWord(word="cars")])
    session.commit()
    print([w.word for w in session.scalars(select(SearchWord).filter(SearchWord.word_insensitive == "Trucks"))])
    print(session.execute(select(sw1.word_insensitive, sw2.word_insensitive).filter(sw1.word_insensitive > sw2.word_insensitive)).all())
