# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Join-Dependent Relationship Hybrid"
# adapted: the section's mapping; the statements run against two users, one with an account set through the hybrid
from __future__ import annotations

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
