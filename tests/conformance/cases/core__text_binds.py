# text() with :name bind parameters, bindparams(), columns(), and exec_driver_sql.
from sqlalchemy import create_engine, text, bindparam, Integer, String

engine = create_engine("sqlite://")
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE pets (id INTEGER PRIMARY KEY, name VARCHAR(20), age INTEGER)"))
    conn.execute(text("INSERT INTO pets (name, age) VALUES (:name, :age)"), {"name": "rex", "age": 3})
    conn.execute(text("INSERT INTO pets (name, age) VALUES (:name, :age)"),
                 [{"name": "tom", "age": 5}, {"name": "kit", "age": 1}])
    conn.commit()
    rows = conn.execute(text("SELECT name, age FROM pets WHERE age > :min ORDER BY age"), {"min": 2})
    for row in rows:
        print(row.name, row.age, row[0])
    stmt = text("SELECT id FROM pets WHERE name = :n").bindparams(n="kit")
    print(conn.execute(stmt).scalar())
    stmt = text("SELECT id, name FROM pets WHERE id IN (:a, :b)").bindparams(bindparam("a", type_=Integer), b=3)
    print(conn.execute(stmt, {"a": 1}).all())
    print(conn.execute(text("SELECT count(*) FROM pets")).scalar_one())
    print(conn.exec_driver_sql("SELECT name FROM pets WHERE age = ?", (5,)).all())
    conn.execute(text("UPDATE pets SET age = age + 1 WHERE name LIKE :p"), {"p": "%t%"})
    print(conn.execute(text("SELECT name, age FROM pets ORDER BY id")).mappings().all())
