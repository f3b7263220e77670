# source: doc/build/orm/large_collections.rst, section "One to Many Collections" (preceded by the page's earlier sections; setup: the page's opening mapping and hidden create_all; end: fixed timestamps)
# --- setup: doc/build/orm/large_collections.rst ---
from decimal import Decimal
from datetime import datetime
from sqlalchemy import ForeignKey
from sqlalchemy import func
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session
from sqlalchemy.orm import WriteOnlyMapped

class Base(DeclarativeBase):
    pass

class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str]

    account_transactions: WriteOnlyMapped["AccountTransaction"] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AccountTransaction.timestamp",
    )

    def __repr__(self):
        return f"Account(identifier={self.identifier!r})"

class AccountTransaction(Base):
    __tablename__ = "account_transaction"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="cascade")
    )
    description: Mapped[str]
    amount: Mapped[Decimal]
    timestamp: Mapped[datetime] = mapped_column(default=func.now())

    def __repr__(self):
        return (
            f"AccountTransaction(amount={self.amount:.2f}, "
            f"timestamp={self.timestamp.isoformat()!r})"
        )

    __mapper_args__ = {"eager_defaults": True}

from sqlalchemy import create_engine

from sqlalchemy import event

engine = create_engine("sqlite://", echo=True)

@event.listens_for(engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()

Base.metadata.create_all(engine)

# --- doc/build/orm/large_collections.rst: "Creating and Persisting New Write Only Collections" ---
new_account = Account(
    identifier="account_01",
    account_transactions=[
        AccountTransaction(description="initial deposit", amount=Decimal("500.00")),
        AccountTransaction(description="transfer", amount=Decimal("1000.00")),
        AccountTransaction(description="withdrawal", amount=Decimal("-29.50")),
    ],
)

with Session(engine) as session:
    session.add(new_account)
    session.commit()

# --- doc/build/orm/large_collections.rst: "Adding New Items to an Existing Collection" ---
from sqlalchemy import select
session = Session(engine, expire_on_commit=False)
existing_account = session.scalar(select(Account).filter_by(identifier="account_01"))

existing_account.account_transactions.add_all(
    [
        AccountTransaction(description="paycheck", amount=Decimal("2000.00")),
        AccountTransaction(description="rent", amount=Decimal("-800.00")),
    ]
)

session.commit()

# --- doc/build/orm/large_collections.rst: "Querying Items" ---
print(existing_account.account_transactions.select())

account_transactions = session.scalars(
    existing_account.account_transactions.select()
    .where(AccountTransaction.amount < 0)
    .limit(10)
).all()

# adapted: the doc prints each AccountTransaction with its timestamp, now(); the
# timestamp's type is printed instead
print([(f"{t.amount:.2f}", type(t.timestamp).__name__) for t in account_transactions])

# --- doc/build/orm/large_collections.rst: "Removing Items" ---
existing_transaction = account_transactions[0]
existing_account.account_transactions.remove(existing_transaction)
session.commit()

# --- doc/build/orm/large_collections.rst: "One to Many Collections" ---
session.execute(
    existing_account.account_transactions.insert(),
    [
        {"description": "transaction 1", "amount": Decimal("47.50")},
        {"description": "transaction 2", "amount": Decimal("-501.25")},
        {"description": "transaction 3", "amount": Decimal("1800.00")},
        {"description": "transaction 4", "amount": Decimal("-300.00")},
    ],
)

session.commit()

# --- adapted (not in the doc): the rows' timestamps are now(), the clock; the session is
# closed and one fixed timestamp written so that the final tables compare ---
from sqlalchemy import text
session.close()
with engine.begin() as conn:
    conn.execute(text("UPDATE account_transaction SET timestamp = '2000-01-01 00:00:00.000000'"))
