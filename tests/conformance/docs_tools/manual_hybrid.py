import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "%s"'
IMPORTS = '''from __future__ import annotations

from typing import Any
from typing import List
from typing import MutableMapping
from typing import Optional
from typing import Tuple

from sqlalchemy import ColumnElement
from sqlalchemy import create_engine
from sqlalchemy import Float
from sqlalchemy import from_dml_column
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import type_coerce
from sqlalchemy import update
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import aliased
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

'''
INTERVAL = '''

class Base(DeclarativeBase):
    pass


class Interval(Base):
    __tablename__ = "interval"

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]

    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end

    @hybrid_property
    def length(self) -> int:
        return self.end - self.start
%s
    @hybrid_method
    def contains(self, point: int) -> bool:
        return (self.start <= point) & (point <= self.end)

    @hybrid_method
    def intersects(self, other: Interval) -> bool:
        return self.contains(other.start) | self.contains(other.end)
%s
'''
RADIUS_EXPR = '''
    @hybrid_property
    def radius(self) -> float:
        return abs(self.length) / 2

    @radius.inplace.expression
    @classmethod
    def _radius_expression(cls) -> ColumnElement[float]:
        return type_coerce(func.abs(cls.length) / 2, Float)
'''
RADIUS_COPY = '''
    @hybrid_property
    def radius(self):
        return abs(self.length) / 2

    @radius.setter
    def radius(self, value):
        self.length = value * 2

    @radius.expression
    def radius(cls):
        return type_coerce(func.abs(cls.length) / 2, Float)
'''
RADIUS_INPLACE = '''
    @hybrid_property
    def radius(self) -> float:
        return abs(self.length) / 2

    @radius.inplace.setter
    def _radius_setter(self, value: float) -> None:
        # for example only
        self.length = value * 2

    @radius.inplace.expression
    @classmethod
    def _radius_expression(cls) -> ColumnElement[float]:
        return type_coerce(func.abs(cls.length) / 2, Float)
'''
LENGTH_SETTER = '''
    @length.inplace.setter
    def _length_setter(self, value: int) -> None:
        self.end = self.start + value
'''
RUN_INTERVALS = '''
# --- adapted (not in the doc): the statements run against rows ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Interval(5, 10), Interval(1, 20), Interval(12, 15)])
    session.commit()
%s'''
AD_I = "the page's Interval mapping (its imports completed; the section's methods added to the class); an engine with three rows, the statements run"
M = "# --- doc/build/orm/extensions/hybrid.rst ---\n"
cases = {
"top": ("(top)", AD_I, IMPORTS + M + INTERVAL % ("", "") + '''
i1 = Interval(5, 10)
print(i1.length)

print(select(Interval.length))

print(select(Interval).filter(Interval.length > 10))

print(select(Interval).filter_by(length=5))

print(i1.contains(6))
print(i1.contains(15))
print(i1.intersects(Interval(7, 18)))
print(i1.intersects(Interval(25, 29)))

print(select(Interval).filter(Interval.contains(15)))

ia = aliased(Interval)
print(select(Interval, ia).filter(Interval.intersects(ia)))
''' + RUN_INTERVALS % '''    print(session.scalars(select(Interval.length)).all())
    print([(i.start, i.end) for i in session.scalars(select(Interval).filter(Interval.length > 10))])
    print([(i.start, i.end) for i in session.scalars(select(Interval).filter_by(length=5))])
    print([(i.start, i.end) for i in session.scalars(select(Interval).filter(Interval.contains(15)))])
    ia = aliased(Interval)
    print([(a.id, b.id) for a, b in session.execute(select(Interval, ia).filter(Interval.intersects(ia)).order_by(Interval.id, ia.id))])
'''),
"defining_expression_behavior_distinct_from": ("Defining Expression Behavior Distinct from Attribute Behavior", AD_I, IMPORTS + M + INTERVAL % (RADIUS_EXPR, "") + '''
print(select(Interval).filter(Interval.radius > 5))
print(Interval(5, 10).radius)
''' + RUN_INTERVALS % '''    print([(i.start, i.end, i.radius) for i in session.scalars(select(Interval).filter(Interval.radius > 5))])
    print(session.scalars(select(Interval.radius)).all())
'''),
"using_inplace_to_create_pep_484": ("Using ``inplace`` to create pep-484 compliant hybrid properties", AD_I + "; the radius set on an instance (the length setter of \"Defining Setters\" added so that the radius setter can set the length)", IMPORTS + M + INTERVAL % (LENGTH_SETTER + RADIUS_COPY, "") + '''
i1 = Interval(5, 10)
i1.radius = 4
print(i1.end, i1.radius)
print(select(Interval).filter(Interval.radius > 5))
''' + RUN_INTERVALS % '''    print(session.scalars(select(Interval.radius)).all())
'''),
"using_inplace_to_create_pep_484_2": ("Using ``inplace`` to create pep-484 compliant hybrid properties", AD_I + "; the radius set on an instance (the length setter of \"Defining Setters\" added so that the radius setter can set the length)", IMPORTS + M + INTERVAL % (LENGTH_SETTER + RADIUS_INPLACE, "") + '''
i1 = Interval(5, 10)
i1.radius = 4
print(i1.end, i1.radius)
print(select(Interval).filter(Interval.radius > 5))
''' + RUN_INTERVALS % '''    print(session.scalars(select(Interval.radius)).all())
'''),
"defining_setters": ("Defining Setters", AD_I, IMPORTS + M + INTERVAL % (LENGTH_SETTER, "") + '''
i1 = Interval(5, 10)
print(i1.length)
i1.length = 12
print(i1.end)
''' + RUN_INTERVALS % '''    i = session.get(Interval, 1)
    i.length = 12
    session.commit()
    print(i.end)
'''),
"using_update_expression_with_update_values": ("Using update_expression with update.values() and insert.values()", "the section's Product on a Base (imports completed); the UPDATE then runs on a row", IMPORTS + '''

class Base(DeclarativeBase):
    pass

''' + M + '''

class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    price: Mapped[float]
    tax_rate: Mapped[float]

    @hybrid_property
    def total_price(self) -> float:
        return self.price * (1 + self.tax_rate)

    @total_price.inplace.update_expression
    @classmethod
    def _total_price_update_expression(
        cls, value: Any
    ) -> List[Tuple[Any, Any]]:
        return [(cls.price, value / (1 + from_dml_column(cls.tax_rate)))]


print(
    update(Product).values(
        {Product.tax_rate: 0.08, Product.total_price: 125.00}
    )
)

print(update(Product).values({Product.total_price: 125.00}))

# --- adapted (not in the doc): the statements run ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Product(id=1, price=10.0, tax_rate=0.25))
    session.commit()
    session.execute(update(Product).values({Product.total_price: 125.00}))
    print(session.scalars(select(Product.price)).all())
    session.execute(update(Product).values({Product.tax_rate: 0.0, Product.total_price: 100.00}))
    print(session.scalars(select(Product.price)).all())
    session.commit()
'''),
"using_bulk_dml_to_intercept_bulk": ("Using bulk_dml to intercept bulk parameter dictionaries", "the section's Product on a Base (imports completed), an engine and a Session; the rows read back", IMPORTS + '''

class Base(DeclarativeBase):
    pass

''' + M + '''

class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    price: Mapped[float]
    tax_rate: Mapped[float]

    @hybrid_property
    def total_price(self) -> float:
        return self.price * (1 + self.tax_rate)

    @total_price.inplace.bulk_dml
    @classmethod
    def _total_price_bulk_dml(
        cls, mapping: MutableMapping[str, Any], value: float
    ) -> None:
        mapping["price"] = value / (1 + mapping["tax_rate"])


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

# Bulk INSERT
session.execute(
    insert(Product),
    [
        {"tax_rate": 0.08, "total_price": 125.00},
        {"tax_rate": 0.05, "total_price": 110.00},
    ],
)
print([(p.price, p.tax_rate) for p in session.scalars(select(Product))])
session.commit()
'''),
"join_dependent_relationship_hybrid": ("Join-Dependent Relationship Hybrid", "the section's mapping; the statements run against two users, one with an account set through the hybrid", '''from __future__ import annotations

from decimal import Decimal
from typing import cast
from typing import List
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Numeric
from sqlalchemy import String
from sqlalchemy import SQLColumnExpression
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

''' + M + '''

class Base(DeclarativeBase):
    pass


class SavingsAccount(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    balance: Mapped[Decimal] = mapped_column(Numeric(15, 5))

    owner: Mapped[User] = relationship(back_populates="accounts")


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))

    accounts: Mapped[List[SavingsAccount]] = relationship(
        back_populates="owner", lazy="selectin"
    )

    @hybrid_property
    def balance(self) -> Optional[Decimal]:
        if self.accounts:
            return self.accounts[0].balance
        else:
            return None

    @balance.inplace.setter
    def _balance_setter(self, value: Optional[Decimal]) -> None:
        assert value is not None

        if not self.accounts:
            account = SavingsAccount(owner=self)
        else:
            account = self.accounts[0]
        account.balance = value

    @balance.inplace.expression
    @classmethod
    def _balance_expression(cls) -> SQLColumnExpression[Optional[Decimal]]:
        return cast(
            "SQLColumnExpression[Optional[Decimal]]",
            SavingsAccount.balance,
        )


from sqlalchemy import select
print(
    select(User, User.balance)
    .join(User.accounts)
    .filter(User.balance > 5000)
)

from sqlalchemy import select
from sqlalchemy import or_
print(
    select(User, User.balance)
    .outerjoin(User.accounts)
    .filter(or_(User.balance < 5000, User.balance == None))
)

# --- adapted (not in the doc): the statements run ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    u1 = User(name="u1")
    u1.balance = Decimal("6000")
    session.add_all([u1, User(name="u2")])
    session.commit()
    for u, b in session.execute(select(User, User.balance).join(User.accounts).filter(User.balance > 5000)):
        print(u.name, b, u.balance)
    for u, b in session.execute(select(User, User.balance).outerjoin(User.accounts).filter(or_(User.balance < 5000, User.balance == None))):
        print(u.name, b, u.balance)
'''),
"correlated_subquery_relationship_hybrid": ("Correlated Subquery Relationship Hybrid", "the section's mapping; the statement runs against two users with accounts", '''from __future__ import annotations

from decimal import Decimal
from typing import List

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import func
from sqlalchemy import Numeric
from sqlalchemy import select
from sqlalchemy import SQLColumnExpression
from sqlalchemy import String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

''' + M + '''

class Base(DeclarativeBase):
    pass


class SavingsAccount(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    balance: Mapped[Decimal] = mapped_column(Numeric(15, 5))

    owner: Mapped[User] = relationship(back_populates="accounts")


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))

    accounts: Mapped[List[SavingsAccount]] = relationship(
        back_populates="owner", lazy="selectin"
    )

    @hybrid_property
    def balance(self) -> Decimal:
        return sum(
            (acc.balance for acc in self.accounts), start=Decimal("0")
        )

    @balance.inplace.expression
    @classmethod
    def _balance_expression(cls) -> SQLColumnExpression[Decimal]:
        return (
            select(func.sum(SavingsAccount.balance))
            .where(SavingsAccount.user_id == cls.id)
            .label("total_balance")
        )


from sqlalchemy import select
print(select(User).filter(User.balance > 400))

# --- adapted (not in the doc): the statement runs ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="u1", accounts=[SavingsAccount(balance=Decimal("300")), SavingsAccount(balance=Decimal("200"))]),
        User(name="u2", accounts=[SavingsAccount(balance=Decimal("100"))]),
    ])
    session.commit()
    for u in session.scalars(select(User).filter(User.balance > 400)):
        print(u.name, u.balance)
    print(session.execute(select(User.name, User.balance).order_by(User.id)).all())
'''),
"building_custom_comparators": ("Building Custom Comparators", "the section's mapping; the statement runs against two rows; the operate() form of the comparator (the section's second fragment) also compiled", '''from __future__ import annotations

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

''' + M + '''

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
'''),
"reusing_hybrid_properties_across_subclasses": ("Reusing Hybrid Properties across Subclasses", "FirstNameOnly mapped on \"first_name_only\" with an id and single-table inheritance for FirstNameLastName (the fragments' \"# ...\"); names set through the hybrids and read back", IMPORTS + '''

class Base(DeclarativeBase):
    pass

''' + M + '''

class FirstNameOnly(Base):
    __tablename__ = "first_name_only"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str]
    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "first"}

    first_name: Mapped[str]

    @hybrid_property
    def name(self) -> str:
        return self.first_name

    @name.inplace.setter
    def _name_setter(self, value: str) -> None:
        self.first_name = value


class FirstNameLastName(FirstNameOnly):
    __mapper_args__ = {"polymorphic_identity": "both"}

    last_name: Mapped[Optional[str]]

    # 'inplace' is not used here; calling getter creates a copy
    # of FirstNameOnly.name that is local to FirstNameLastName
    @FirstNameOnly.name.getter
    def name(self) -> str:
        return self.first_name + " " + self.last_name

    @name.inplace.setter
    def _name_setter(self, value: str) -> None:
        self.first_name, self.last_name = value.split(" ", 1)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a = FirstNameOnly()
    a.name = "spongebob"
    b = FirstNameLastName()
    b.name = "sandy cheeks"
    session.add_all([a, b])
    session.commit()
    print([(o.name, o.first_name) for o in session.scalars(select(FirstNameOnly).order_by(FirstNameOnly.id))])
    print(select(FirstNameLastName.name))
'''),
"hybrid_value_objects": ("Hybrid Value Objects", "the section's CaseInsensitiveWord and SearchWord on a Base (imports completed); the statements run against two rows", IMPORTS + '''

class Base(DeclarativeBase):
    pass

''' + M + '''

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
'''),
"composite_hybrid_value_objects": ("Composite Hybrid Value Objects", "the section's Point and Vertex (imports completed); the statement runs against two rows", '''from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy import SQLColumnExpression
from sqlalchemy.orm import Session

''' + M + '''

@dataclass(eq=False)
class Point(Comparator):
    x: int | SQLColumnExpression[int]
    y: int | SQLColumnExpression[int]

    def operate(self, op, other, **kwargs):
        return op(self.x, other.x) & op(self.y, other.y)

    def __clause_element__(self):
        return tuple_(self.x, self.y)


from sqlalchemy.orm import DeclarativeBase, Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.ext.hybrid import hybrid_property


class Base(DeclarativeBase):
    pass


class Vertex(Base):
    __tablename__ = "vertices"

    id: Mapped[int] = mapped_column(primary_key=True)

    x1: Mapped[int]
    y1: Mapped[int]
    x2: Mapped[int]
    y2: Mapped[int]

    @hybrid_property
    def start(self) -> Point:
        return Point(self.x1, self.y1)

    @start.inplace.setter
    def _set_start(self, value: Point) -> None:
        self.x1 = value.x
        self.y1 = value.y

    @hybrid_property
    def end(self) -> Point:
        return Point(self.x2, self.y2)

    @end.inplace.setter
    def _set_end(self, value: Point) -> None:
        self.x2 = value.x
        self.y2 = value.y

    def __repr__(self) -> str:
        return f"Vertex(start={self.start}, end={self.end})"


v1 = Vertex(start=Point(3, 4), end=Point(15, 10))
print(v1.end == Point(15, 10))
stmt = (
    select(Vertex)
    .where(Vertex.start == Point(3, 4))
    .where(Vertex.end < Point(7, 8))
)
print(stmt)

# --- adapted (not in the doc): the statement runs ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([v1, Vertex(start=Point(3, 4), end=Point(5, 6))])
    session.commit()
    print(session.scalars(stmt).all())
'''),
"dml_support_for_composite_value_objects": ("DML Support for Composite Value Objects", "Point of \"Composite Hybrid Value Objects\"; Location with both hooks in one class (the second fragment's \"same as above\"), an engine and a Session; the rows read back", '''from dataclasses import dataclass
from typing import Any
from typing import List
from typing import MutableMapping
from typing import Tuple

from sqlalchemy import create_engine
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy import update
from sqlalchemy.ext.hybrid import Comparator
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy import SQLColumnExpression
from sqlalchemy.orm import DeclarativeBase, Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


@dataclass(eq=False)
class Point(Comparator):
    x: int | SQLColumnExpression[int]
    y: int | SQLColumnExpression[int]

    def operate(self, op, other, **kwargs):
        return op(self.x, other.x) & op(self.y, other.y)

    def __clause_element__(self):
        return tuple_(self.x, self.y)


class Base(DeclarativeBase):
    pass

''' + M + '''

class Location(Base):
    __tablename__ = "location"

    id: Mapped[int] = mapped_column(primary_key=True)
    x: Mapped[int]
    y: Mapped[int]

    @hybrid_property
    def coordinates(self) -> Point:
        return Point(self.x, self.y)

    @coordinates.inplace.update_expression
    @classmethod
    def _coordinates_update_expression(
        cls, value: Any
    ) -> List[Tuple[Any, Any]]:
        assert isinstance(value, Point)
        return [(cls.x, value.x), (cls.y, value.y)]

    @coordinates.inplace.bulk_dml
    @classmethod
    def _coordinates_bulk_dml(
        cls, mapping: MutableMapping[str, Any], value: Point
    ) -> None:
        mapping["x"] = value.x
        mapping["y"] = value.y


from sqlalchemy import update
print(
    update(Location)
    .where(Location.id == 5)
    .values({Location.coordinates: Point(25, 17)})
)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

# Bulk INSERT
session.execute(
    insert(Location),
    [
        {"id": 1, "coordinates": Point(10, 20)},
        {"id": 2, "coordinates": Point(30, 40)},
    ],
)

# Bulk UPDATE
session.execute(
    update(Location),
    [
        {"id": 1, "coordinates": Point(15, 25)},
        {"id": 2, "coordinates": Point(35, 45)},
    ],
)
print([(loc.id, loc.x, loc.y) for loc in session.scalars(select(Location))])
session.commit()
'''),
}
for k, (title, ad, body) in cases.items():
    write("docs__orm_extensions_hybrid_" + k, SRC % title, ad, used_imports(body))
print(len(cases))
