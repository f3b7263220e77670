from sqlalchemy import text

with engine.begin() as conn:
    conn.execute(text("UPDATE stuff SET foo = foo + 1"))
