# Relationship comparisons: ==/!= against objects and None, contains(), with_parent(), and_() and of_type() joins, the errors of wrong forms.
from typing import List, Optional
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased, with_parent
class Base(DeclarativeBase): pass
class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")
class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    email: Mapped[str]
    user: Mapped[Optional[User]] = relationship(back_populates="addresses")
e = create_engine("sqlite://")
Base.metadata.create_all(e)
s = Session(e)
u = User(name="x", addresses=[Address(email="a")])
s.add(u); s.commit()
a = s.get(Address, 1)
u = s.scalars(select(User)).one()
ua = aliased(User); aa = aliased(Address)
for f in [lambda: Address.user.contains(u), lambda: Address.user == None, lambda: Address.user != None,
          lambda: aa.user == u, lambda: aa.user != u, lambda: ua.addresses.contains(a), lambda: with_parent(a, Address.user),
          lambda: User.addresses.and_(Address.email == "q").any(),
          lambda: User.addresses.of_type(aa).and_(Address.email == "q").any(), lambda: User.addresses == [a], lambda: Address.user == a]:
    try:
        print(select(Address, User).where(f()))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(select(User).join(User.addresses.of_type(aa).and_(Address.email == "q")))
print(select(User).join(User.addresses.of_type(aa).and_(aa.email == "q")))
print(select(User).join(aa, User.addresses.and_(Address.email == "q")))
print(select(Address).join(Address.user.and_(User.name == "q")))
