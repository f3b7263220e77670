# source: doc/build/orm/extensions/associationproxy.rst, section "Querying with Association Proxies"
# adapted: the section's mapping (its imports completed); print(select(...)) for the doc's print(session.scalars(select(...))), which shows the statement; the statements then run in a Session
from __future__ import annotations

from typing import List

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.ext.associationproxy import AssociationProxy
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/extensions/associationproxy.rst ---


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))

    user_keyword_associations: Mapped[List[UserKeywordAssociation]] = relationship(
        cascade="all, delete-orphan",
    )

    # object-targeted association proxy
    keywords: AssociationProxy[List[Keyword]] = association_proxy(
        "user_keyword_associations",
        "keyword",
    )

    # column-targeted association proxy
    special_keys: AssociationProxy[List[str]] = association_proxy(
        "user_keyword_associations", "special_key"
    )


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[str] = mapped_column(String(64))
    keyword: Mapped[Keyword] = relationship()


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64))

print(select(User).where(User.special_keys == "jek"))
print(select(User).where(User.special_keys.like("%jek")))
print(select(User).where(User.keywords.any(Keyword.keyword == "jek")))

# --- adapted (not in the doc): the statements run ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    k = Keyword(keyword="jek")
    session.add(User(name="u1", user_keyword_associations=[UserKeywordAssociation(special_key="jek", keyword=k)]))
    session.add(User(name="u2", user_keyword_associations=[UserKeywordAssociation(special_key="xjek", keyword=Keyword(keyword="other"))]))
    session.commit()
    print(session.scalars(select(User.name).where(User.special_keys == "jek")).all())
    print(session.scalars(select(User.name).where(User.special_keys.like("%jek"))).all())
    print(session.scalars(select(User.name).where(User.keywords.any(Keyword.keyword == "jek"))).all())
