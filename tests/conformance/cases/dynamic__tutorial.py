# A dynamic relationship as tutorials use it: user.addresses is a query (filter, all, count,
# order_by, slicing, iteration) and append() / remove() reach the database at the flush.
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm import DynamicMapped


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: DynamicMapped["Address"] = relationship(order_by="Address.email_address")
    posts = relationship("Post", lazy="dynamic")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    email_address: Mapped[str]


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    jack = User(name="jack")
    jack.addresses.append(Address(email_address="jack@google.com"))
    jack.addresses.append(Address(email_address="j25@yahoo.com"))
    jack.posts.append(Post(title="hello"))
    session.add(jack)
    session.commit()

    print(jack.addresses.count())
    print([a.email_address for a in jack.addresses.all()])
    print([a.email_address for a in jack.addresses.filter(Address.email_address.like("%google%"))])
    print(jack.addresses.filter_by(email_address="j25@yahoo.com").one().id)
    print(jack.addresses[0].email_address)
    print([a.email_address for a in jack.addresses])
    print(jack.addresses.first().email_address)

    jack.addresses.append(Address(email_address="jack@aol.com"))
    print(jack.addresses.count())
    print([p.title for p in jack.posts.all()])

    gone = jack.addresses.filter_by(email_address="jack@google.com").one()
    jack.addresses.remove(gone)
    session.commit()
    print([(a.email_address, a.user_id) for a in session.scalars(select(Address).order_by(Address.id))])
