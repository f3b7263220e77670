# One flush with INSERTs, UPDATEs and DELETEs across parent and child tables: SQLAlchemy's
# unit of work orders them (parents inserted first, children deleted before parents).
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    players: Mapped[List["Player"]] = relationship(back_populates="team", cascade="all, delete-orphan")

class Player(Base):
    __tablename__ = "players"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[Optional[int]] = mapped_column(ForeignKey("teams.id"))
    team: Mapped[Optional[Team]] = relationship(back_populates="players")

class Audit(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    note: Mapped[str] = mapped_column(String(40))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    # children added before their parent on purpose
    p1, p2 = Player(name="p1"), Player(name="p2")
    s.add_all([Audit(note="start"), p1, p2])
    red = Team(name="red")
    red.players.extend([p1, p2])
    blue = Team(name="blue", players=[Player(name="p3")])
    s.add_all([red, blue])
    s.commit()
    print("1st flush done")
    s.delete(blue)
    p1.name = "P1"
    red.name = "RED"
    s.add(Audit(note="changes"))
    green = Team(name="green")
    s.add(green)
    p2.team = green
    s.commit()
    print("2nd flush done")
    print(s.query(Player.name, Player.team_id).order_by(Player.id).all())
