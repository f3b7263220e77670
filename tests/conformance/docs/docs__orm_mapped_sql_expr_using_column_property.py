# source: doc/build/orm/mapped_sql_expr.rst, section "Using column_property"
# adapted: the page's fullname User and its correlated-subquery User/Address on two bases; a few rows each, loaded and queried through the column properties
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import func
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import column_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base0(DeclarativeBase):
    pass


class User0(Base0):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    firstname = mapped_column(String(50))
    lastname = mapped_column(String(50))
    fullname = column_property(firstname + " " + lastname)


engine0 = create_engine("sqlite://")
Base0.metadata.create_all(engine0)
with Session(engine0) as session:
    u = User0(firstname="John", lastname="Smith")
    session.add(u)
    session.commit()
    print(u.fullname)
    print(session.scalars(select(User0.fullname)).all())
    print(session.scalars(select(User0).where(User0.fullname == "John Smith")).one().id)


class Base(DeclarativeBase):
    pass


class Address(Base):
    __tablename__ = "address"
    id = mapped_column(Integer, primary_key=True)
    user_id = mapped_column(Integer, ForeignKey("user.id"))


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    address_count = column_property(
        select(func.count(Address.id))
        .where(Address.user_id == id)
        .correlate_except(Address)
        .scalar_subquery()
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(id=1), User(id=2)])
    session.add_all([Address(user_id=1), Address(user_id=1), Address(user_id=2)])
    session.commit()
    for user in session.scalars(select(User).order_by(User.id)):
        print(user.id, user.address_count)
