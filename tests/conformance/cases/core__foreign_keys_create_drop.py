# ForeignKey between three tables: create_all orders CREATE TABLEs by dependency, drop_all
# drops in reverse; checkfirst PRAGMAs are sent for each table.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey

metadata = MetaData()
# defined child-first on purpose
lines = Table("order_lines", metadata,
              Column("id", Integer, primary_key=True),
              Column("order_id", ForeignKey("orders.id"), nullable=False),
              Column("product", String(30)))
orders = Table("orders", metadata,
               Column("id", Integer, primary_key=True),
               Column("customer_id", Integer, ForeignKey("customers.id")))
customers = Table("customers", metadata,
                  Column("id", Integer, primary_key=True),
                  Column("name", String(50)))

print([t.name for t in metadata.sorted_tables])
engine = create_engine("sqlite://")
metadata.create_all(engine)
print("created")
metadata.create_all(engine)
print("created again (no-op)")
metadata.drop_all(engine, tables=[lines])
print("dropped one")
metadata.drop_all(engine)
print("dropped all")
