# alias() self-join, union / union_all, exists() and a correlated scalar subquery.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, insert,
                        union, union_all, exists, func)

metadata = MetaData()
emp = Table("emp", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)),
            Column("boss_id", ForeignKey("emp.id")))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(emp), [{"id": 1, "name": "ceo", "boss_id": None}, {"id": 2, "name": "cto", "boss_id": 1},
                               {"id": 3, "name": "dev", "boss_id": 2}, {"id": 4, "name": "ops", "boss_id": 2}])
with engine.connect() as conn:
    boss = emp.alias("boss")
    q = select(emp.c.name, boss.c.name.label("boss")).join(boss, emp.c.boss_id == boss.c.id).order_by(emp.c.id)
    print(q)
    print(conn.execute(q).all())
    u = union(select(emp.c.name).where(emp.c.id < 2), select(emp.c.name).where(emp.c.id > 3))
    print(conn.execute(u).scalars().all())
    ua = union_all(select(emp.c.boss_id).where(emp.c.id > 2), select(emp.c.boss_id).where(emp.c.id > 2))
    print(sorted(conn.execute(ua).scalars().all()))
    sub = boss.alias("sub")
    has_reports = exists().where(sub.c.boss_id == emp.c.id)
    print(conn.execute(select(emp.c.name).where(has_reports).order_by(emp.c.id)).scalars().all())
    print(conn.execute(select(emp.c.name).where(~has_reports).order_by(emp.c.id)).scalars().all())
    n_reports = select(func.count(sub.c.id)).where(sub.c.boss_id == emp.c.id).scalar_subquery()
    print(conn.execute(select(emp.c.name, n_reports.label("n")).order_by(emp.c.id)).all())
    print(conn.execute(select(exists().where(emp.c.name == "dev"))).scalar())
