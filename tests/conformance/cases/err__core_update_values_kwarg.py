# update(table, values=...) (1.x) on a Core Table: TypeError in 2.x.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, insert, update

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t).values(n=1))
    conn.execute(update(t, values={"n": 2}))
