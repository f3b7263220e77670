# Tutorial-style hybrids: a full name built in Python and in SQL, and an account balance
# summed in Python on instances and as a correlated subquery on the class (the
# "Correlated Subquery Relationship Hybrid" of the hybrid documentation).
from decimal import Decimal
from typing import List

from sqlalchemy import ForeignKey, Numeric, String, create_engine, func, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class SavingsAccount(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    balance: Mapped[Decimal] = mapped_column(Numeric(15, 5))
    owner: Mapped["User"] = relationship(back_populates="accounts")


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(50))
    last_name: Mapped[str] = mapped_column(String(50))
    accounts: Mapped[List[SavingsAccount]] = relationship(back_populates="owner")

    @hybrid_property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @full_name.inplace.expression
    @classmethod
    def _full_name_expression(cls):
        return cls.first_name + " " + cls.last_name

    @hybrid_property
    def balance(self) -> Decimal:
        return sum((acc.balance for acc in self.accounts), start=Decimal("0"))

    @balance.inplace.expression
    @classmethod
    def _balance_expression(cls):
        return (
            select(func.sum(SavingsAccount.balance))
            .where(SavingsAccount.user_id == cls.id)
            .scalar_subquery()
        )


print(select(User.full_name))
print(select(User).where(User.balance > 100))
print(select(User.full_name, User.balance).order_by(User.balance.desc()))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    ann = User(first_name="Ann", last_name="Lee")
    bob = User(first_name="Bob", last_name="Ray")
    ann.accounts = [SavingsAccount(balance=Decimal("250.50")), SavingsAccount(balance=Decimal("80"))]
    bob.accounts = [SavingsAccount(balance=Decimal("40.25"))]
    session.add_all([ann, bob])
    session.commit()
    print(ann.full_name, ann.balance, bob.balance)
    print(session.scalars(select(User.full_name).order_by(User.full_name)).all())
    print(session.scalars(select(User.first_name).where(User.balance > 100)).all())
    print(session.execute(select(User.full_name, User.balance).order_by(User.balance.desc())).all())
    print(session.scalars(select(User).where(User.full_name == "Bob Ray")).one().id)
