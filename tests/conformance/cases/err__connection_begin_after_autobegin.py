# Connection.begin() after a statement already autobegan a transaction: InvalidRequestError.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, insert, update, delete, select, func

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.connect() as conn:
    conn.execute(insert(t), [{"n": 1}, {"n": 2}])
    print("in transaction:", conn.in_transaction())
    conn.commit()
    print("after commit:", conn.in_transaction())
    conn.execute(insert(t), [{"n": 3}])
    print("not committed, leaving block")
with engine.connect() as conn:
    print(conn.execute(select(func.count()).select_from(t)).scalar())
    with conn.begin():
        conn.execute(update(t).values(n=0))
