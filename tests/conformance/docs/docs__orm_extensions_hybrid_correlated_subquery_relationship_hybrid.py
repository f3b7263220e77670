# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Correlated Subquery Relationship Hybrid"
# adapted: the section's mapping; the statement runs against two users with accounts
from __future__ import annotations

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

# --- doc/build/orm/extensions/hybrid.rst ---


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
