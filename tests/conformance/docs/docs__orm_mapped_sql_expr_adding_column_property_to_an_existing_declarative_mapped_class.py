# source: doc/build/orm/mapped_sql_expr.rst, section "Adding column_property() to an existing Declarative mapped class"
# adapted: User/Address as in "Using column_property" without address_count, which is assigned after the class; the registry.mapped form uses inspect(User).add_property() with the key "address_count"; rows and a query for each
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import func
from sqlalchemy import inspect
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy.orm import column_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    user_id = mapped_column(Integer, ForeignKey("user.id"))


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)


# only works if a declarative base class is in use
User.address_count = column_property(
    select(func.count(Address.id)).where(Address.user_id == User.id).scalar_subquery()
)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(id=1), User(id=2), Address(user_id=2), Address(user_id=2)])
    session.commit()
    for user in session.scalars(select(User).order_by(User.id)):
        print(user.id, user.address_count)
