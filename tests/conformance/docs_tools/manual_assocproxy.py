import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/extensions/associationproxy.rst, section "%s"'
HEAD = '''from __future__ import annotations

from typing import Dict
from typing import Final
from typing import List
from typing import Optional

from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.ext.associationproxy import AssociationProxy
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session
from sqlalchemy.orm.collections import attribute_keyed_dict

# --- doc/build/orm/extensions/associationproxy.rst ---
'''
SCALAR = '''

class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    kw: Mapped[List[Keyword]] = relationship(secondary=lambda: user_keyword_table)

    def __init__(self, name: str):
        self.name = name

    # proxy the 'keyword' attribute from the 'kw' relationship
    keywords: AssociationProxy[List[str]] = association_proxy(%s)


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64))

    def __init__(self, keyword: str%s):
        self.keyword = keyword


user_keyword_table: Final[Table] = Table(
    "user_keyword",
    Base.metadata,
    Column("user_id", Integer, ForeignKey("user.id"), primary_key=True),
    Column("keyword_id", Integer, ForeignKey("keyword.id"), primary_key=True),
)
'''
END_KW = '''
# --- adapted (not in the doc): the objects flushed and read back ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(user)
    session.commit()
    print(session.scalars(select(User)).one().keywords)
'''
ASSOC = '''

class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))

    user_keyword_associations: Mapped[List[UserKeywordAssociation]] = relationship(
        back_populates="user",
        cascade="all, delete-orphan",
    )

    # association proxy of "user_keyword_associations" collection
    # to "keyword" attribute
    keywords: AssociationProxy[List[Keyword]] = association_proxy(
        "user_keyword_associations",
        "keyword",
        creator=lambda keyword_obj: UserKeywordAssociation(keyword=keyword_obj),
    )

    def __init__(self, name: str):
        self.name = name


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[Optional[str]] = mapped_column(String(50))

    user: Mapped[User] = relationship(back_populates="user_keyword_associations")

    keyword: Mapped[Keyword] = relationship()


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column("keyword", String(64))

    def __init__(self, keyword: str):
        self.keyword = keyword

    def __repr__(self) -> str:
        return f"Keyword({self.keyword!r})"
'''
DICT = '''

class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))

    # user/user_keyword_associations relationship, mapping
    # user_keyword_associations with a dictionary against "special_key" as key.
    user_keyword_associations: Mapped[Dict[str, UserKeywordAssociation]] = relationship(
        back_populates="user",
        collection_class=attribute_keyed_dict("special_key"),
        cascade="all, delete-orphan",
    )
    # proxy to 'user_keyword_associations', instantiating
    # UserKeywordAssociation assigning the new key to 'special_key',
    # values to 'keyword'.
    keywords: AssociationProxy[Dict[str, Keyword]] = association_proxy(
        "user_keyword_associations",
        "keyword",
        creator=lambda k, v: UserKeywordAssociation(special_key=k, keyword=v),
    )

    def __init__(self, name: str):
        self.name = name


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[str]

    user: Mapped[User] = relationship(
        back_populates="user_keyword_associations",
    )
    keyword: Mapped[Keyword] = relationship()


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64))

    def __init__(self, keyword: str):
        self.keyword = keyword

    def __repr__(self) -> str:
        return f"Keyword({self.keyword!r})"
'''
COMPOSITE = '''

class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))

    user_keyword_associations: Mapped[Dict[str, UserKeywordAssociation]] = relationship(
        back_populates="user",
        collection_class=attribute_keyed_dict("special_key"),
        cascade="all, delete-orphan",
    )
    # the same 'user_keyword_associations'->'keyword' proxy as in
    # the basic dictionary example.
    keywords: AssociationProxy[Dict[str, str]] = association_proxy(
        "user_keyword_associations",
        "keyword",
        creator=lambda k, v: UserKeywordAssociation(special_key=k, keyword=v),
    )

    def __init__(self, name: str):
        self.name = name


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[str] = mapped_column(String(64))
    user: Mapped[User] = relationship(
        back_populates="user_keyword_associations",
    )

    # the relationship to Keyword is now called
    # 'kw'
    kw: Mapped[Keyword] = relationship()

    # 'keyword' is changed to be a proxy to the
    # 'keyword' attribute of 'Keyword'
    keyword: AssociationProxy[Dict[str, str]] = association_proxy("kw", "keyword")


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64))

    def __init__(self, keyword: str):
        self.keyword = keyword

'''
QUERY = '''

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
'''
AD_KW = "the section's mapping; an engine, create_all and a Session added, the user committed and read back"
cases = {
"simplifying_scalar_collections": ("Simplifying Scalar Collections", AD_KW, HEAD + SCALAR % ('"kw", "keyword"', "") + '''
user = User("jek")
user.keywords.append("cheese-inspector")
user.keywords.append("snack-ninja")
print(user.keywords)
''' + END_KW),
"simplifying_scalar_collections_2": ("Simplifying Scalar Collections", AD_KW, HEAD + SCALAR % ('"kw", "keyword"', "") + '''
# identical operations without using the association proxy
user = User("jek")
user.kw.append(Keyword("cheese-inspector"))
user.kw.append(Keyword("snack-ninja"))
print([keyword.keyword for keyword in user.kw])
''' + END_KW),
"creation_of_new_values": ("Creation of New Values", AD_KW + "; the creator= proxy in place of the first section's (Keyword's keyword given by name)", HEAD + SCALAR % ('\n        "kw", "keyword", creator=lambda kw: Keyword(keyword=kw)\n    ', "") + '''
user = User("jek")
user.keywords.append("cheese-inspector")
user.kw.append(Keyword("snack-ninja"))
print(user.keywords)
''' + END_KW),
"simplifying_association_objects": ("Simplifying Association Objects", AD_KW, HEAD + ASSOC + '''
user = User("log")
for kw in (Keyword("new_from_blammo"), Keyword("its_big")):
    user.keywords.append(kw)
print(user.keywords)

user.user_keyword_associations.append(
    UserKeywordAssociation(keyword=Keyword("its_heavy"))
)

UserKeywordAssociation(
    keyword=Keyword("its_wood"), user=user, special_key="my special key"
)

print(user.keywords)
''' + END_KW),
"proxying_to_dictionary_based_collections": ("Proxying to Dictionary Based Collections", AD_KW, HEAD + DICT + '''
user = User("log")

user.keywords["sk1"] = Keyword("kw1")
user.keywords["sk2"] = Keyword("kw2")

print(user.keywords)
''' + END_KW),
"composite_association_proxies": ("Composite Association Proxies", AD_KW + "; the un-proxied Keyword printed by its keyword (the doc shows an object address)", HEAD + COMPOSITE + '''
user = User("log")
user.keywords = {"sk1": "kw1", "sk2": "kw2"}
print(user.keywords)

user.keywords["sk3"] = "kw3"
del user.keywords["sk2"]
print(user.keywords)

# illustrate un-proxied usage
print(user.user_keyword_associations["sk3"].kw.keyword)
''' + END_KW),
"querying_with_association_proxies": ("Querying with Association Proxies", "the section's mapping (its imports completed); print(select(...)) for the doc's print(session.scalars(select(...))), which shows the statement; the statements then run in a Session", HEAD + QUERY + '''
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
'''),
"cascading_scalar_deletes": ("Cascading Scalar Deletes", "the section's mapping (its imports completed); a = A() made, a.ab printed", HEAD + '''

class Base(DeclarativeBase):
    pass


class A(Base):
    __tablename__ = "test_a"
    id: Mapped[int] = mapped_column(primary_key=True)
    ab: Mapped[AB] = relationship(uselist=False)
    b: AssociationProxy[B] = association_proxy(
        "ab", "b", creator=lambda b: AB(b=b), cascade_scalar_deletes=True
    )


class B(Base):
    __tablename__ = "test_b"
    id: Mapped[int] = mapped_column(primary_key=True)


class AB(Base):
    __tablename__ = "test_ab"
    a_id: Mapped[int] = mapped_column(ForeignKey(A.id), primary_key=True)
    b_id: Mapped[int] = mapped_column(ForeignKey(B.id), primary_key=True)

    b: Mapped[B] = relationship()


a = A()

a.b = B()
print(a.ab is not None)

a.b = None
assert a.ab is None
print(a.ab)
'''),
"scalar_relationships": ("Scalar Relationships", "the section's mapping; my_snack committed, and the summary printed again after reading it back", HEAD + '''

class Base(DeclarativeBase):
    pass


class Recipe(Base):
    __tablename__ = "recipe"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))

    steps: Mapped[List[Step]] = relationship(back_populates="recipe")
    step_descriptions: AssociationProxy[List[str]] = association_proxy(
        "steps", "description"
    )


class Step(Base):
    __tablename__ = "step"
    id: Mapped[int] = mapped_column(primary_key=True)
    description: Mapped[str]
    recipe_id: Mapped[int] = mapped_column(ForeignKey("recipe.id"))
    recipe: Mapped[Recipe] = relationship(back_populates="steps")

    recipe_name: AssociationProxy[str] = association_proxy("recipe", "name")

    def __init__(self, description: str) -> None:
        self.description = description


my_snack = Recipe(
    name="afternoon snack",
    step_descriptions=[
        "slice bread",
        "spread peanut butted",
        "eat sandwich",
    ],
)

for i, step in enumerate(my_snack.steps, 1):
    print(f"Step {i} of {step.recipe_name!r}: {step.description}")

# --- adapted (not in the doc): committed and read back ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(my_snack)
    session.commit()
    recipe = session.scalars(select(Recipe)).one()
    print(recipe.step_descriptions)
    for i, step in enumerate(recipe.steps, 1):
        print(f"Step {i} of {step.recipe_name!r}: {step.description}")
'''),
}
for k, (title, ad, body) in cases.items():
    write("docs__orm_extensions_associationproxy_" + k, SRC % title, ad, used_imports(body))
print(len(cases))
