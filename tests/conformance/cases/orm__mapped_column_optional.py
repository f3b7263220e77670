# DeclarativeBase + Mapped/mapped_column: Optional[...] makes a column nullable, plain
# annotations make it NOT NULL, nullable= overrides; the resulting DDL.
import datetime
from decimal import Decimal
from typing import Optional
from sqlalchemy import create_engine, String, Text, Numeric, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    nickname: Mapped[Optional[str]] = mapped_column(String(30))
    bio: Mapped[str | None] = mapped_column(Text)
    age: Mapped[int] = mapped_column(nullable=True)
    score: Mapped[float] = mapped_column(default=0.5)
    balance: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal("0"))
    born: Mapped[Optional[datetime.date]]
    active: Mapped[bool] = mapped_column(default=False)
    code: Mapped[Optional[str]] = mapped_column(String(5), nullable=False, default="X")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
for c in Person.__table__.columns:
    print(c.name, c.type, c.nullable)
with Session(engine) as s:
    s.add(Person(name="ann", born=datetime.date(1990, 5, 17)))
    s.add(Person(name="bob", nickname="b", age=40, balance=Decimal("12.5"), active=True))
    s.commit()
    for p in s.scalars(select(Person).order_by(Person.id)):
        print(p.id, p.name, p.nickname, p.bio, p.age, p.score, p.balance, p.born, p.active, p.code)
