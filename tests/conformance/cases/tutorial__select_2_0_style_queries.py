# "Migrating to 2.0" tutorial: select() with session.execute(...).scalars(), session.scalars,
# session.scalar, scalar_one, scalar_one_or_none, where() chains, update() and delete().
from sqlalchemy import create_engine, Column, Integer, String, select, update, delete, func
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()


class User(Base):
    __tablename__ = "user_account"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    age = Column(Integer)

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r}, age={self.age!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([User(name="spongebob", age=20), User(name="sandy", age=30),
                     User(name="patrick", age=25)])
    session.commit()

    stmt = select(User).where(User.name.in_(["spongebob", "sandy"]))
    for user in session.scalars(stmt):
        print(user)

    users = session.execute(select(User).where(User.age > 21).order_by(User.age)).scalars().all()
    print(users)

    sandy = session.execute(select(User).filter_by(name="sandy")).scalar_one()
    print(sandy.age)
    print(session.scalars(select(User).where(User.name == "nobody")).one_or_none())
    print(session.execute(select(User).where(User.id == 99)).scalar_one_or_none())
    print(session.scalar(select(func.count()).select_from(User)))
    print(session.execute(select(User.name, User.age).order_by(User.name)).all())
    row = session.execute(select(User.name, User.age).where(User.id == 1)).first()
    print(row.name, row.age, row._asdict())

    session.execute(update(User).where(User.name == "patrick").values(age=User.age + 1))
    session.execute(delete(User).where(User.age < 21))
    session.commit()
    print(session.scalars(select(User).order_by(User.id)).all())
    print(session.get(User, 3))
