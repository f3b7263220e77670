# association_proxy over an association object (doc/build/orm/extensions/associationproxy.rst,
# "Simplifying Association Objects" and "Querying with Association Proxies"): an
# object-targeted proxy with creator=, a column-targeted proxy, appends through the proxy,
# persistence, and EXISTS criteria at the class level.
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    user_keyword_associations: Mapped[List["UserKeywordAssociation"]] = relationship(
        back_populates="user",
        cascade="all, delete-orphan",
    )
    keywords: AssociationProxy[List["Keyword"]] = association_proxy(
        "user_keyword_associations",
        "keyword",
        creator=lambda keyword_obj: UserKeywordAssociation(keyword=keyword_obj),
    )
    special_keys: AssociationProxy[List[str]] = association_proxy(
        "user_keyword_associations", "special_key"
    )

    def __init__(self, name: str):
        self.name = name


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[Optional[str]] = mapped_column(String(50))
    user: Mapped[User] = relationship(back_populates="user_keyword_associations")
    keyword: Mapped["Keyword"] = relationship()


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column("keyword", String(64))

    def __init__(self, keyword: str):
        self.keyword = keyword

    def __repr__(self) -> str:
        return f"Keyword({self.keyword!r})"


user = User("log")
for kw in (Keyword("new_from_blammo"), Keyword("its_big")):
    user.keywords.append(kw)
print(user.keywords)
user.user_keyword_associations.append(UserKeywordAssociation(keyword=Keyword("its_heavy")))
UserKeywordAssociation(keyword=Keyword("its_wood"), user=user, special_key="my special key")
print(user.keywords)
print(len(user.keywords), user.keywords[1], user.keywords[-1], user.keywords[1:3])
print(user.special_keys)
print(Keyword("x") in user.keywords, user.keywords[0] in user.keywords)
print(type(user.keywords).__name__, bool(user.keywords))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    # (The keywords first: the order of unrelated INSERTs in one flush is not the point here.)
    jek = Keyword("jek")
    session.add_all(list(user.keywords) + [jek])
    session.flush()
    session.add(user)
    other = User("jek")
    other.keywords.append(jek)
    session.add(other)
    session.commit()

    u = session.scalars(select(User).where(User.name == "log")).one()
    print([k.keyword for k in u.keywords], u.special_keys)
    print(select(User).where(User.special_keys == "my special key"))
    print(session.scalars(select(User.name).where(User.special_keys == "my special key")).all())
    print(session.scalars(select(User.name).where(User.special_keys.like("my%"))).all())
    print(session.scalars(
        select(User.name).where(User.keywords.any(Keyword.keyword == "jek"))
    ).all())
    print(session.scalars(
        select(User.name).where(User.keywords.any(Keyword.keyword.like("its%"))).order_by(User.name)
    ).all())
    u.special_keys[0] = "first"
    session.commit()
    print(session.execute(select(UserKeywordAssociation.keyword_id, UserKeywordAssociation.special_key).order_by(UserKeywordAssociation.keyword_id)).all())
