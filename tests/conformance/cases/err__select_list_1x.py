# The 1.x spelling select([table]) is gone in 2.x: ArgumentError before anything is sent.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, select

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True))
engine = create_engine("sqlite://")
metadata.create_all(engine)
print(select(t))
stmt = select([t])
print("not reached")
