# Core tutorial: engine.connect(), text() with :name bind params, executemany insert with a list
# of dicts, fetchall/fetchone, row attribute and _mapping access, conn.commit().
from sqlalchemy import create_engine, text, MetaData, Table, Column, Integer, String

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)
metadata = MetaData()
products = Table(
    "products", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
    Column("price", Integer),
)
metadata.create_all(engine)

with engine.connect() as conn:
    conn.execute(products.insert(), [
        {"name": "keyboard", "price": 30},
        {"name": "mouse", "price": 12},
        {"name": "monitor", "price": 180},
    ])
    conn.commit()

with engine.connect() as conn:
    result = conn.execute(text("SELECT id, name, price FROM products WHERE price > :min ORDER BY price"),
                          {"min": 20})
    rows = result.fetchall()
    print(rows)
    for row in rows:
        print(row.id, row.name, row.price)
        print(dict(row._mapping))
    print(rows[0]._mapping["name"], rows[0][2])

with engine.connect() as conn:
    conn.execute(text("INSERT INTO products (name, price) VALUES (:name, :price)"),
                 [{"name": "cable", "price": 5}, {"name": "dock", "price": 99}])
    conn.execute(text("UPDATE products SET price = price * 2 WHERE name = :n"), {"n": "mouse"})
    conn.commit()

with engine.connect() as conn:
    res = conn.execute(text("SELECT name FROM products WHERE name LIKE :pat"), {"pat": "m%"})
    print(res.fetchone())
    print(res.fetchone())
    print(res.fetchone())
    print(conn.execute(text("SELECT count(*) FROM products")).scalar())
    print(conn.execute(text("SELECT name, price FROM products ORDER BY id")).all())
    print(conn.execute(products.select().where(products.c.price < 20)).fetchall())
    print(conn.execute(text("SELECT name FROM products ORDER BY name")).scalars().all())
    stmt = text("SELECT * FROM products WHERE id = :id").bindparams(id=3)
    print(conn.execute(stmt).mappings().first())
