from sqlalchemy import create_engine, text
engine = create_engine('sqlite://')
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE t (x INTEGER)"))
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.execute(text("UPDATE sqlite_master SET sql = 'garbage' WHERE name = 't'"))
