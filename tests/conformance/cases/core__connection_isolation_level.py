from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.connect() as conn:
    print(conn.get_isolation_level())
    print(conn.in_transaction())
    conn.execute(text("SELECT 1"))
    print(conn.get_isolation_level(), conn.in_transaction())
    conn.commit()
