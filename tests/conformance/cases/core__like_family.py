# like / not_like / ilike / startswith / endswith / contains, incl. autoescape.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert

metadata = MetaData()
t = Table("words", metadata, Column("id", Integer, primary_key=True), Column("w", String(20)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"w": w} for w in ["Apple", "apple pie", "pineapple", "100%", "a_b", "grape"]])
with engine.connect() as conn:
    for cond in [t.c.w.like("app%"), t.c.w.like("App%"), t.c.w.ilike("APP%"), t.c.w.not_like("%apple%"),
                 t.c.w.startswith("app"), t.c.w.endswith("pe"), t.c.w.contains("apple"),
                 t.c.w.contains("%", autoescape=True), t.c.w.like("a!_b", escape="!"),
                 t.c.w.not_ilike("%APPLE%"), t.c.w.istartswith("APP")]:
        print(str(cond), "->", conn.execute(select(t.c.w).where(cond).order_by(t.c.id)).scalars().all())
