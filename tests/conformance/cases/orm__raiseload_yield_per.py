# lazy="raise" / "raise_on_sql" and the raiseload() option: SQLAlchemy's errors, a many-to-one
# already in the identity map loading without SQL; yield_per partitions.
from typing import List
from sqlalchemy import create_engine, select, ForeignKey
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, raiseload, selectinload


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    members: Mapped[List["Member"]] = relationship(back_populates="team", lazy="raise")


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    name: Mapped[str]
    team: Mapped["Team"] = relationship(back_populates="members", lazy="raise_on_sql")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Team(name="t1", members=[Member(name="m1"), Member(name="m2")]), Team(name="t2")])
    s.commit()

with Session(engine) as s:
    t = s.scalars(select(Team).order_by(Team.id)).first()
    try:
        t.members
    except InvalidRequestError as e:
        print("raised:", e)
    m = s.scalars(select(Member).order_by(Member.id)).first()
    print(m.team.name)
    s.expunge_all()
    m2 = s.get(Member, 2)
    try:
        m2.team
    except InvalidRequestError as e:
        print("raised:", e)

with Session(engine) as s:
    t = s.scalars(select(Team).options(selectinload(Team.members)).where(Team.id == 1)).one()
    print([x.name for x in t.members])
    m = s.scalars(select(Member).options(raiseload(Member.team)).where(Member.id == 1)).one()
    try:
        m.team
    except InvalidRequestError as e:
        print("raised:", e)

with Session(engine) as s:
    for part in s.scalars(select(Member).execution_options(yield_per=1)).partitions():
        print([x.name for x in part])
    for part in s.scalars(select(Member)).yield_per(5).partitions():
        print([x.name for x in part])
