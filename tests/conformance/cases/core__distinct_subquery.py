# distinct(), a subquery in FROM, and a scalar subquery in the column list and WHERE.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, func

metadata = MetaData()
scores = Table("scores", metadata, Column("id", Integer, primary_key=True),
               Column("player", String(10)), Column("points", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(scores), [{"player": p, "points": n} for p, n in
                                  [("a", 3), ("b", 5), ("a", 7), ("c", 1), ("b", 5)]])
with engine.connect() as conn:
    print(conn.execute(select(scores.c.player).distinct().order_by(scores.c.player)).scalars().all())
    print(conn.execute(select(scores.c.player, scores.c.points).distinct().order_by(scores.c.player, scores.c.points)).all())
    totals = select(scores.c.player, func.sum(scores.c.points).label("total")).group_by(scores.c.player).subquery()
    print(conn.execute(select(totals.c.player, totals.c.total).where(totals.c.total > 4).order_by(totals.c.total)).all())
    best = select(func.max(scores.c.points)).scalar_subquery()
    print(conn.execute(select(scores.c.player).where(scores.c.points == best)).scalars().all())
    avg = select(func.avg(scores.c.points)).scalar_subquery()
    print(conn.execute(select(scores.c.id, (scores.c.points - avg).label("diff")).order_by(scores.c.id)).all())
    named = select(scores.c.player).where(scores.c.points > 4).subquery("big")
    print(conn.execute(select(func.count()).select_from(named)).scalar())
