# select(...).add_columns(Entity); aliased(Model, subquery / cte / union subquery);
# select(Model).from_statement(union / textual select); selectinload querying parents already
# loaded; TypedColumns / Named tables; str(Table).
from typing import List, Optional
from sqlalchemy import (create_engine, select, union_all, text, ForeignKey, String, Column, MetaData, Table,
                        Named, TypedColumns)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.id}, {self.name})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    email: Mapped[str]
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address({self.id}, {self.email})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print(Base.registry.metadata is Base.metadata)
with Session(engine) as session:
    session.add_all([User(name="a", addresses=[Address(email="a@x")]),
                     User(name="b", addresses=[Address(email="b@x"), Address(email="b2@x")]),
                     User(name="c")])
    session.commit()
    stmt = select(User).join(User.addresses).add_columns(Address).order_by(User.id, Address.id)
    print(stmt)
    print(session.execute(stmt).all())
    subq = select(Address).where(Address.email.like("b%")).subquery()
    addr = aliased(Address, subq)
    stmt = select(User, addr).join_from(User, addr).order_by(User.id, addr.id)
    print(stmt)
    print(session.execute(stmt).all())
    cte_addr = aliased(Address, select(Address).where(Address.id > 1).cte())
    print(session.execute(select(User.name, cte_addr.email).join_from(User, cte_addr).order_by(cte_addr.id)).all())
    u = union_all(select(User).where(User.id < 2), select(User).where(User.id == 3))
    print(session.scalars(select(User).from_statement(u.order_by(User.id))).all())
    ua = aliased(User, u.subquery())
    print(session.scalars(select(ua).order_by(ua.name.desc())).all())
    t = text("SELECT id, name FROM user_account ORDER BY id DESC").columns(User.id, User.name)
    print(session.scalars(select(User).from_statement(t)).all())
    tu = aliased(User, t.subquery())
    print(session.scalars(select(tu).where(tu.id > 1)).all())
    a1 = session.get(User, 1)
    print(a1.addresses)
    for user in session.scalars(select(User).options(selectinload(User.addresses)).order_by(User.id)):
        print(user, user.addresses)


class user_cols(TypedColumns):
    id: Named[int] = Column(primary_key=True)
    name: Named[str | None] = Column(String(30))
    fullname: Named[str]
    nickname: Named[Optional[str]]


class address_cols(TypedColumns):
    id: Named[int] = Column(primary_key=True)
    user_id: Named[int] = Column(ForeignKey("people.id"))
    __row_pos__: tuple[int, int]


meta = MetaData()
people = Table("people", meta, user_cols)
emails = Table("emails", meta, address_cols)
print(repr(people))
print(repr(emails))
print(str(people), people.c.keys())
meta.create_all(engine)
print(str(int | None))
