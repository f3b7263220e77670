# print() and repr() of the SQLAlchemy objects tutorials print, and sessionmaker.configure().
from sqlalchemy import create_engine, select, insert, update, delete, func, ForeignKey, Column, Integer, String, union, inspect
from sqlalchemy.orm import Session, DeclarativeBase, Mapped, mapped_column, relationship, joinedload, sessionmaker

engine = create_engine("sqlite://")

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses = relationship("Address")

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id = mapped_column(ForeignKey("user_account.id"))

Base.metadata.create_all(engine)
SessionLocal = sessionmaker()
print(SessionLocal)
SessionLocal.configure(bind=engine, expire_on_commit=False)
print(SessionLocal)
session = SessionLocal()
print(session.get_bind(), session.bind)
session.add(User(name="spongebob"))
session.commit()
with engine.connect() as conn:
    print(conn)
    print(engine.dialect)
things = [
    User.addresses, ForeignKey("x.id"), Column("x", Integer), func, func.count(), func.lower(User.name),
    func.my_function(1), select(User), insert(User), update(User), delete(User),
    select(User).subquery(), select(User).subquery("named"), select(User).cte(), select(User).subquery().c,
    session.no_autoflush, session.query(User), inspect(User(name="x")), inspect(User(name="x")).attrs,
    inspect(User(name="x")).attrs.name, joinedload(User.addresses),
    union(select(User.id), select(Address.id)), select(User.id).scalar_subquery(),
    User.__table__.c.id == 1, (User.id == 1) & (User.name == "x"), User.id.desc(),
    select(User).where(User.id == 1).exists(), User.id.label("x"),
]
for thing in things:
    print(type(thing).__name__, "|", repr(thing))
print(session.scalars(select(User)))
print(session.get_transaction() if False else session.in_transaction())
