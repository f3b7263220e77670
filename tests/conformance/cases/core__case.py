# case() with whens as positional tuples, with value=, and with else_.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, case, func

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("score", Integer), Column("grade", String(1)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"score": s, "grade": g} for s, g in [(95, "a"), (72, "c"), (40, "f"), (85, "b")]])
with engine.connect() as conn:
    level = case((t.c.score >= 90, "high"), (t.c.score >= 70, "mid"), else_="low").label("level")
    q = select(t.c.id, level).order_by(t.c.id)
    print(q)
    print(conn.execute(q).all())
    word = case({"a": "excellent", "b": "good"}, value=t.c.grade, else_=t.c.grade)
    print(conn.execute(select(word).order_by(t.c.id)).scalars().all())
    print(conn.execute(select(func.sum(case((t.c.score > 80, 1), else_=0)))).scalar())
    print(conn.execute(select(case((t.c.score < 50, t.c.score)))).scalars().all())
