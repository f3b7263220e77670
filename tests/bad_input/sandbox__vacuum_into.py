from sqlalchemy import create_engine, text
engine = create_engine('sqlite://')
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE t (x INTEGER)"))
    conn.execute(text("VACUUM INTO '/tmp/copy.db'"))
