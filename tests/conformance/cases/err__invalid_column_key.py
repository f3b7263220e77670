# Core insert with a key that is not a column: CompileError "Unconsumed column names".
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, insert

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("n", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t).values(n=1))
    conn.execute(insert(t).values(n=2, m=3))
