# A tutorial comparing backref= and back_populates=: both keep the two sides in sync in Python
# before anything is flushed.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class Team(Base):
    __tablename__ = "teams"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    players = relationship("Player", backref="team")


class Player(Base):
    __tablename__ = "players"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    team_id = Column(Integer, ForeignKey("teams.id"))


class Coach(Base):
    __tablename__ = "coaches"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    team_id = Column(Integer, ForeignKey("teams.id"))
    team = relationship("Team", back_populates="coaches")


Team.coaches = relationship("Coach", back_populates="team")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()

reds = Team(name="Reds")
p = Player(name="Mo")
p.team = reds
print(reds.players, [x.name for x in reds.players])
c = Coach(name="Jürgen")
reds.coaches.append(c)
print(c.team.name)
session.add(reds)
session.commit()
print(p.team_id, c.team_id)
blues = Team(name="Blues")
p.team = blues
print(len(reds.players), len(blues.players))
session.commit()
print(session.query(Player.name, Team.name).join(Team).all())
