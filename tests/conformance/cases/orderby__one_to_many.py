# relationship(order_by=...) on a one-to-many: a string evaluated late, lazy load and the
# eager loaders (selectinload, joinedload, subqueryload) all ORDER BY it.
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm import selectinload, joinedload, subqueryload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[list["Address"]] = relationship(
        back_populates="user", order_by="Address.email_address"
    )


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all(
        [
            User(name="ann", addresses=[Address(email_address="z@x"), Address(email_address="b@x")]),
            User(name="bob", addresses=[Address(email_address="m@x"), Address(email_address="a@x")]),
        ]
    )
    session.commit()

with Session(engine) as session:
    ann = session.scalars(select(User).where(User.name == "ann")).one()
    print([a.email_address for a in ann.addresses])

with Session(engine) as session:
    for u in session.scalars(select(User).options(selectinload(User.addresses)).order_by(User.id)):
        print(u.name, [a.email_address for a in u.addresses])

with Session(engine) as session:
    for u in session.scalars(select(User).options(joinedload(User.addresses))).unique():
        print(u.name, [a.email_address for a in u.addresses])

with Session(engine) as session:
    for u in session.scalars(
        select(User).options(joinedload(User.addresses)).order_by(User.name.desc())
    ).unique():
        print(u.name, [a.email_address for a in u.addresses])

with Session(engine) as session:
    for u in session.scalars(select(User).options(subqueryload(User.addresses)).order_by(User.id)):
        print(u.name, [a.email_address for a in u.addresses])
