# session.connection(): the Connection the session transaction runs on.
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
engine = create_engine("sqlite://")
with Session(engine) as session:
    conn = session.connection()
    print(conn.execute(text("select 1")).scalar())
    conn.execute(text("create table t (x int)"))
    conn.execute(text("insert into t values (1)"))
    session.commit()
with engine.connect() as c:
    print(c.execute(text("select count(*) from t")).scalar())
