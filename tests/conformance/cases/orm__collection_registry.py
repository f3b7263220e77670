# registry(): the @mapped decorator, map_imperatively (the default constructor too), generate_base(),
# Base.registry, a registry over an existing MetaData.
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.orm import Mapped, Session, mapped_column, registry, relationship

mapper_registry = registry()
print(mapper_registry)


@mapper_registry.mapped
class User:
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


Base = mapper_registry.generate_base()
print(Base.registry is mapper_registry, Base.metadata is mapper_registry.metadata)


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


print(sorted(mapper_registry.metadata.tables))

metadata = MetaData()
imperative = registry(metadata=metadata)
print(imperative.metadata is metadata)
note_table = Table(
    "note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", String(20)),
)


class Note:
    pass


imperative.map_imperatively(Note, note_table)
print(Note(text="x").text)
try:
    Note(txt="x")
except TypeError as e:
    print("TypeError", e)

engine = create_engine("sqlite://")
mapper_registry.metadata.create_all(engine)
metadata.create_all(engine)
with Session(engine) as session:
    u = User(name="spongebob", addresses=[Address(email="s@example.com")])
    n = Note()
    n.text = "hello"
    session.add(u)
    session.commit()
    session.add(n)
    session.commit()
    print(session.scalars(select(Address.email).join(Address.user)).all())
    print(session.get(Note, 1).text, type(u.addresses).__name__)
