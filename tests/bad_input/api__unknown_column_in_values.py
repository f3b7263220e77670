from sqlalchemy import create_engine, MetaData, Table, Column, Integer, update
meta = MetaData()
t = Table('t', meta, Column('id', Integer, primary_key=True), Column('n', Integer))
engine = create_engine('sqlite://')
meta.create_all(engine)
with engine.begin() as conn:
    conn.execute(update(t).values(nope=1))
