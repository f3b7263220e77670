# SQL functions in queries: case(), cast(), func.coalesce, func.lower/upper/length, label().
from sqlalchemy import create_engine, Column, Integer, String, case, cast, func, Float
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Score(Base):
    __tablename__ = "scores"
    id = Column(Integer, primary_key=True)
    player = Column(String(20))
    points = Column(Integer)
    nickname = Column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()
session.add_all([
    Score(player="Ana", points=92, nickname="ace"),
    Score(player="Ben", points=55),
    Score(player="Cid", points=74, nickname="cid"),
])
session.commit()

grade = case(
    (Score.points >= 90, "A"),
    (Score.points >= 70, "B"),
    else_="C",
).label("grade")
for player, g in session.query(Score.player, grade).order_by(Score.player):
    print(player, g)

print(session.query(Score.player, func.coalesce(Score.nickname, "n/a")).order_by(Score.id).all())
print(session.query(cast(Score.points, Float) / 10).order_by(Score.id).all())
print(session.query(func.upper(Score.player), func.length(Score.player)).filter(Score.id == 1).one())
print(session.query(func.lower(Score.player).label("p")).order_by(Score.id.desc()).first().p)
print(session.query(func.sum(case((Score.points > 60, 1), else_=0))).scalar())
print(session.query(Score.player).filter(func.lower(Score.player) == "ben").scalar())
