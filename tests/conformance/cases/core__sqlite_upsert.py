# sqlalchemy.dialects.sqlite.insert: on_conflict_do_update (set_ by name and column, where=, excluded), on_conflict_do_nothing, multi-row VALUES, RETURNING, executemany, printing, ValueErrors.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select
from sqlalchemy.dialects.sqlite import insert

engine = create_engine("sqlite://", echo=True)
md = MetaData()
t = Table("kv", md, Column("id", Integer, primary_key=True), Column("k", String(20), unique=True), Column("v", String(20)), Column("n", Integer, default=0))
md.create_all(engine)

stmt = insert(t).values(k="a", v="one")
print(stmt)
up = stmt.on_conflict_do_update(index_elements=["k"], set_=dict(v=stmt.excluded.v))
print(up)
print(up.excluded)
print(up.excluded.v)
nothing = insert(t).on_conflict_do_nothing()
print(nothing)
nothing2 = insert(t).values(k="x").on_conflict_do_nothing(index_elements=[t.c.k])
print(nothing2)
w = stmt.on_conflict_do_update(index_elements=[t.c.k], set_={t.c.v: "lit", "n": t.c.n + 1}, where=t.c.v != "keep")
print(w)
with engine.begin() as conn:
    conn.execute(insert(t).values(k="a", v="one"))
    conn.execute(up)
    conn.execute(insert(t).values([{"k": "b", "v": "two"}, {"k": "a", "v": "three"}]).on_conflict_do_update(index_elements=[t.c.k], set_=dict(v=insert(t).excluded.v, n=t.c.n + 1)))
    conn.execute(w)
    conn.execute(nothing2)
    r = conn.execute(insert(t).values(k="c", v="new").on_conflict_do_nothing().returning(t.c.id, t.c.k))
    print(r.all())
    r = conn.execute(insert(t).values(k="c", v="dup").on_conflict_do_nothing().returning(t.c.id, t.c.k))
    print(r.all())
    r = conn.execute(insert(t).on_conflict_do_update(index_elements=["k"], set_=dict(v="p")), [{"k": "c", "v": "x"}, {"k": "d", "v": "y"}])
    print(r.rowcount)
    print(conn.execute(select(t).order_by(t.c.id)).all())
try:
    insert(t).on_conflict_do_update(index_elements=["k"], set_={})
except ValueError as e:
    print("ValueError", e)
try:
    insert(t).on_conflict_do_update(index_elements=["k"])
except ValueError as e:
    print("ValueError", e)
try:
    from sqlalchemy import insert as plain
    plain(t).on_conflict_do_nothing()
except AttributeError as e:
    print("AttributeError", e)
