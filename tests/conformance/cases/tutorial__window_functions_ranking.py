# Window functions: rank() / dense_rank() / row_number() over partitions, a running total
# with sum().over(order_by=), the previous value with lag(), and the "top N per group"
# pattern with a subquery filtered on the row number.
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Score(Base):
    __tablename__ = "scores"
    id: Mapped[int] = mapped_column(primary_key=True)
    player: Mapped[str] = mapped_column(String(20))
    game: Mapped[str] = mapped_column(String(20))
    points: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        Score(player=p, game=g, points=n)
        for p, g, n in [
            ("amy", "chess", 30), ("bo", "chess", 45), ("cy", "chess", 45), ("di", "chess", 10),
            ("amy", "go", 70), ("bo", "go", 20), ("cy", "go", 55),
        ]
    ])
    session.commit()

    rnk = func.rank().over(partition_by=Score.game, order_by=Score.points.desc()).label("rnk")
    dense = func.dense_rank().over(partition_by=Score.game, order_by=Score.points.desc()).label("dense")
    stmt = select(Score.game, Score.player, Score.points, rnk, dense).order_by(Score.game, "rnk", Score.player)
    for row in session.execute(stmt):
        print(f"{row.game:<6}{row.player:<5}{row.points:>4}{row.rnk:>3}{row.dense:>3}")

    running = select(
        Score.id, Score.points,
        func.sum(Score.points).over(order_by=Score.id).label("running"),
        func.lag(Score.points).over(order_by=Score.id).label("prev"),
    ).order_by(Score.id)
    print(session.execute(running).all())

    rn = func.row_number().over(partition_by=Score.game, order_by=(Score.points.desc(), Score.player)).label("rn")
    sub = select(Score, rn).subquery()
    top2 = select(sub.c.game, sub.c.player, sub.c.points).where(sub.c.rn <= 2).order_by(sub.c.game, sub.c.rn)
    print(top2)
    print(session.execute(top2).all())
    print(session.execute(select(Score.player, func.count().over().label("total")).limit(2)).all())
