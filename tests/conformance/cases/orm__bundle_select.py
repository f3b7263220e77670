from sqlalchemy import create_engine, select, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, Bundle


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str]


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    email: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(id=1, name="ann", fullname="Ann A"), User(id=2, name="bob", fullname="Bob B")])
    session.commit()
    session.add_all([Address(user_id=1, email="a@x"), Address(user_id=2, email="b@x"), Address(user_id=2, email="b2@x")])
    session.commit()

    bn = Bundle("person", User.name, User.fullname)
    print(bn.name, bn.single_entity, bn.c.name, bn.columns.fullname, list(bn.c.keys()))
    print(bn.c)
    stmt = select(bn, Bundle("mail", Address.email)).join_from(User, Address)
    stmt = stmt.where(bn.c.name != "zed").order_by(bn.c.fullname.desc(), Address.email)
    print(stmt)
    for row in session.execute(stmt):
        print(row, row._fields, row.person.name, row.person._fields, row.mail.email, row[0][1])
    print(session.scalars(select(bn).order_by(bn.c.name)).all())
    print(session.execute(select(bn.label("who"), User.id).order_by(User.id)).first().who)
    labelled = Bundle("b", User.name.label("nm"), (User.id * 10).label("tens"))
    print(select(labelled))
    print([r.b._mapping for r in session.execute(select(labelled).order_by(User.id))])
    one = Bundle("one", User.name, single_entity=True)
    print(session.query(one).order_by(User.id).all())
    print(session.query(bn).order_by(User.id).all())
    print(session.execute(select(one)).all())
