from sqlalchemy import create_engine
engine = create_engine('sqlite://')
with engine.connect() as conn:
    conn.execute('SELECT 1')
