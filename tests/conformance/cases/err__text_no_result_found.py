# Result.one() on no rows raises NoResultFound; a bad statement raises OperationalError.
from sqlalchemy import create_engine, text
from sqlalchemy.exc import NoResultFound, OperationalError

engine = create_engine("sqlite://")
with engine.connect() as conn:
    try:
        conn.execute(text("SELECT * FROM missing"))
    except OperationalError as e:
        print("OperationalError:", str(e).splitlines()[0])
    conn.rollback()
    conn.execute(text("CREATE TABLE t (x INTEGER)"))
    conn.execute(text("SELECT x FROM t")).one()
