# label(), cast() and literal() / literal_column in a select.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, Float, Numeric, select, insert,
                        cast, literal, literal_column, Date)

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("txt", String(10)), Column("f", Float))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"txt": "42", "f": 2.75}, {"txt": "7x", "f": -1.5}])
with engine.connect() as conn:
    q = select(t.c.id.label("ident"), cast(t.c.txt, Integer).label("as_int"), cast(t.c.f, Integer),
               cast(t.c.f, String), cast(t.c.f, Numeric(10, 1)).label("num"), literal(5).label("five"),
               literal("hi"), literal_column("'raw'").label("raw")).order_by(t.c.id)
    print(q)
    res = conn.execute(q)
    print(list(res.keys()))
    for row in res:
        print(row)
        print(row.ident, row.as_int, row.num, row.five, row.raw)
    print(conn.execute(select(cast(t.c.id, String), cast("12", Integer) + 1)).all())
