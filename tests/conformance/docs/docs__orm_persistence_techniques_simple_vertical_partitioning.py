# source: doc/build/orm/persistence_techniques.rst, section "Simple Vertical Partitioning"
# adapted: the PostgreSQL URLs are "sqlite://"; User and Account are small mappings with their tables created on their engine; one row each added and read
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    balance: Mapped[int]

# --- doc/build/orm/persistence_techniques.rst ---
engine1 = create_engine("sqlite://", echo=True)
engine2 = create_engine("sqlite://", echo=True)

User.__table__.create(engine1)
Account.__table__.create(engine2)

Session = sessionmaker()

# bind User operations to engine 1, Account operations to engine 2
Session.configure(binds={User: engine1, Account: engine2})

session = Session()
session.add_all([User(name="u1"), Account(balance=100)])
session.commit()
print(session.scalars(select(User.name)).all(), session.scalars(select(Account.balance)).all())
print(session.get_bind(User) is engine1, session.get_bind(Account) is engine2)
