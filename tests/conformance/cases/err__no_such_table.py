# Querying a table that was never created: OperationalError (no such table).
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, select

metadata = MetaData()
ghosts = Table("ghosts", metadata, Column("id", Integer, primary_key=True))
engine = create_engine("sqlite://")
with engine.connect() as conn:
    print("connected")
    conn.execute(select(ghosts))
