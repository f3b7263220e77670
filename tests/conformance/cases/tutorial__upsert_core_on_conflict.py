# Upsert on SQLite with the dialect's insert(): ON CONFLICT DO UPDATE using `excluded`,
# DO NOTHING, and an inventory counter that adds to the existing stock.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.dialects.sqlite import insert

engine = create_engine("sqlite:///:memory:")
metadata = MetaData()

products = Table(
    "products",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(20), unique=True, nullable=False),
    Column("name", String(100)),
    Column("stock", Integer, default=0),
)

metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(
        insert(products),
        [
            {"sku": "APL-1", "name": "Apple", "stock": 10},
            {"sku": "BAN-2", "name": "Banana", "stock": 5},
        ],
    )


def upsert_product(conn, sku, name, stock):
    stmt = insert(products).values(sku=sku, name=name, stock=stock)
    stmt = stmt.on_conflict_do_update(
        index_elements=["sku"],
        set_={"name": stmt.excluded.name, "stock": products.c.stock + stmt.excluded.stock},
    )
    return conn.execute(stmt)


with engine.begin() as conn:
    r = upsert_product(conn, "APL-1", "Green Apple", 3)
    print("rowcount", r.rowcount)
    upsert_product(conn, "CHR-3", "Cherry", 40)

stmt = insert(products).values(sku="BAN-2", name="Plantain", stock=99)
stmt = stmt.on_conflict_do_nothing(index_elements=[products.c.sku])
print(stmt.compile(dialect=engine.dialect))
with engine.begin() as conn:
    result = conn.execute(stmt)
    print("ignored:", result.rowcount)

with engine.connect() as conn:
    for row in conn.execute(select(products).order_by(products.c.id)):
        print(f"{row.id:>3} {row.sku:<8} {row.name:<12} {row.stock:>4}")
