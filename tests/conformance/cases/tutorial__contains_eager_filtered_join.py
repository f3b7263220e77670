# Eager loading choices in one script: joinedload with .unique(), contains_eager after an
# explicit join (filtered collection), selectinload chained, and lazy="raise" catching
# an N+1 access.
from typing import List

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, contains_eager, joinedload, mapped_column,
                            raiseload, relationship, selectinload)


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    players: Mapped[List["Player"]] = relationship(back_populates="team", order_by="Player.id")


class Player(Base):
    __tablename__ = "players"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    goals: Mapped[int] = mapped_column(default=0)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    team: Mapped[Team] = relationship(back_populates="players")
    awards: Mapped[List["Award"]] = relationship()


class Award(Base):
    __tablename__ = "awards"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    reds = Team(name="Reds", players=[Player(name="Ike", goals=7), Player(name="Jo", goals=1)])
    blues = Team(name="Blues", players=[Player(name="Kim", goals=4, awards=[Award(title="MVP")])])
    session.add_all([reds, blues])
    session.commit()

with Session(engine) as session:
    teams = session.scalars(select(Team).options(joinedload(Team.players)).order_by(Team.id)).unique().all()
    print([(t.name, [p.name for p in t.players]) for t in teams])

with Session(engine) as session:
    stmt = (
        select(Team)
        .join(Team.players)
        .where(Player.goals > 3)
        .options(contains_eager(Team.players))
        .order_by(Team.id)
    )
    for team in session.scalars(stmt).unique():
        print(team.name, [p.name for p in team.players])

with Session(engine) as session:
    stmt = select(Team).options(selectinload(Team.players).selectinload(Player.awards)).order_by(Team.name)
    for team in session.scalars(stmt):
        for p in team.players:
            print(team.name, p.name, [a.title for a in p.awards])

with Session(engine) as session:
    p = session.scalars(select(Player).options(raiseload("*")).filter_by(name="Kim")).one()
    try:
        print(p.team.name)
    except InvalidRequestError as e:
        print(type(e).__name__, e)
