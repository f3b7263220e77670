# SQLAlchemy 2.x: a backref does not cascade an object into the session (cascade_backrefs is
# gone); the flush warns once and leaves it out; an explicit add() takes it in.
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User | None"] = relationship(back_populates="addresses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine, expire_on_commit=False) as session:
    u1 = User(name="u1", addresses=[])
    session.add(u1)
    session.commit()

    a1 = Address(email="a1@x")
    a1.user = u1  # the backref appends a1 to u1.addresses; a1 stays out of the session
    print(a1 in session, [a.email for a in u1.addresses])
    print(session.scalars(select(User.name)).all())  # autoflush: warns once
    session.flush()  # no second warning
    print(a1 in session)

    a2 = Address(email="a2@x", user=u1)  # the constructor's set is the same event
    session.commit()
    print(a2 in session, len(u1.addresses))

    u2 = User(name="u2", addresses=[])
    session.add(u1)  # an explicit add cascades along every relationship
    print(a1 in session, a2 in session)
    session.commit()
    print(session.scalars(select(Address.email).order_by(Address.id)).all())

    a4 = Address(email="a4@x")
    session.add(a4)
    session.flush()
    u2.addresses.append(a4)  # the backref sets a4.user = u2; u2 stays out of the session
    session.flush()
    print(u2 in session, a4.user is u2)
    session.rollback()
