from sqlalchemy import create_engine, text
engine = create_engine('sqlite://')
conn = engine.connect()
conn.close()
conn.execute(text('SELECT 1'))
