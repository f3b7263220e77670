# func.count/sum/max/min/avg/lower/upper/coalesce/length/abs/round.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, func

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)),
          Column("nick", String(10)), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "Ann", "nick": None, "n": 3}, {"name": "Bob", "nick": "bobby", "n": -4},
                             {"name": "Cyril", "nick": None, "n": None}])
with engine.connect() as conn:
    q = select(func.count(), func.count(t.c.n), func.count(t.c.nick), func.sum(t.c.n), func.max(t.c.n),
               func.min(t.c.name), func.avg(t.c.n), func.count(func.distinct(t.c.nick)))
    print(q)
    print(conn.execute(q).one())
    q = select(func.lower(t.c.name), func.upper(t.c.name), func.coalesce(t.c.nick, t.c.name, "?"),
               func.length(t.c.name), func.abs(t.c.n), func.round(t.c.n / 3.0, 2)).order_by(t.c.id)
    print(q)
    for row in conn.execute(q):
        print(row)
    print(conn.execute(select(func.sum(t.c.n)).where(t.c.id > 5)).scalar())
    print(conn.execute(select(func.count()).select_from(t)).scalar())
