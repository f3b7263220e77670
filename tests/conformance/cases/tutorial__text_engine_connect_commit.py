# The "commit as you go" style: engine.connect(), text() DDL and DML, executemany with a
# list of dicts, conn.commit(), result.mappings(), scalar(), bindparam types, rowcount,
# and rolling back uncommitted work when the with block exits.
from sqlalchemy import bindparam, create_engine, text, Integer, String

engine = create_engine("sqlite+pysqlite:///:memory:", echo=False)

with engine.connect() as conn:
    conn.execute(text("CREATE TABLE movies (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER, rating REAL)"))
    conn.execute(
        text("INSERT INTO movies (title, year, rating) VALUES (:title, :year, :rating)"),
        [
            {"title": "Alien", "year": 1979, "rating": 8.5},
            {"title": "Heat", "year": 1995, "rating": 8.3},
            {"title": "Up", "year": 2009, "rating": 8.2},
            {"title": "Cars", "year": 2006, "rating": 7.2},
        ],
    )
    conn.commit()

with engine.connect() as conn:
    result = conn.execute(text("SELECT title, year FROM movies WHERE year > :y ORDER BY year"), {"y": 1990})
    for row in result:
        print(f"{row.title} ({row.year})")

    result = conn.execute(text("SELECT * FROM movies WHERE rating >= :r"), dict(r=8.3))
    for m in result.mappings():
        print(m["id"], m["title"], m["rating"])

    n = conn.execute(text("SELECT count(*) FROM movies")).scalar()
    print("count:", n)
    best = conn.scalar(text("SELECT title FROM movies ORDER BY rating DESC LIMIT 1"))
    print("best:", best)

    stmt = text("SELECT title FROM movies WHERE id = :id").bindparams(bindparam("id", type_=Integer))
    print(conn.execute(stmt, {"id": 3}).scalar_one())

    res = conn.execute(text("UPDATE movies SET rating = rating + :d WHERE year < :y"), {"d": 0.1, "y": 2000})
    print("updated:", res.rowcount)
    conn.commit()

    conn.execute(text("DELETE FROM movies"))
    print("inside:", conn.execute(text("SELECT count(*) FROM movies")).scalar())

with engine.connect() as conn:
    print("after:", conn.execute(text("SELECT count(*) FROM movies")).scalar())
    rows = conn.execute(text("SELECT title, rating FROM movies ORDER BY id")).fetchall()
    print(rows)
    s = text("SELECT :greeting || ' ' || title AS t FROM movies WHERE id = 1").bindparams(greeting="Hi").columns()
    print(conn.execute(text("SELECT :x AS v").bindparams(bindparam("x", type_=String)), {"x": "ok"}).one())
