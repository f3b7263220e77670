from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey, inspect, text

engine = create_engine("sqlite://")
meta = MetaData()
Table("users", meta, Column("id", Integer, primary_key=True), Column("name", String(30), unique=True))
Table("orders", meta, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("users.id"), index=True), Column("total", Integer))
meta.create_all(engine)

insp = inspect(engine)
print(insp.get_multi_columns())
print(insp.get_multi_pk_constraint(filter_names=["orders"]))
print(insp.get_multi_foreign_keys())
print(insp.get_multi_indexes())
print(insp.get_multi_unique_constraints())
print(insp.get_multi_check_constraints(filter_names=["users", "nothing"]))
print(insp.get_columns("users")[1])

# the cache does not see later changes until clear_cache()
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE extra (id INTEGER PRIMARY KEY)"))
    conn.execute(text("INSERT INTO users (name) VALUES ('a')"))
    conn.execute(text("INSERT INTO orders (user_id, total) VALUES (1, 5)"))
print(insp.get_table_names())
insp.clear_cache()
print(insp.get_table_names())

with engine.connect() as conn:
    conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
    ci = inspect(conn)
    print(ci.has_table("scratch"), ci.get_columns("scratch"))
    conn.rollback()

m = MetaData()
m.reflect(bind=engine)
print(sorted(m.tables), [t.name for t in m.sorted_tables])
with engine.begin() as conn:
    for table in reversed(m.sorted_tables):
        conn.execute(table.delete())
print(inspect(engine).get_table_names())
