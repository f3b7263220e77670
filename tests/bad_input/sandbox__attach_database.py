from sqlalchemy import create_engine, text
engine = create_engine('sqlite://')
with engine.connect() as conn:
    conn.execute(text("ATTACH DATABASE '/tmp/x.db' AS x"))
