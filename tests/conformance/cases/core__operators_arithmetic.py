# Arithmetic operators + - * / % on Integer and Float columns, and string concatenation.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, Float, String, select, insert, literal

metadata = MetaData()
nums = Table("nums", metadata, Column("id", Integer, primary_key=True), Column("a", Integer),
             Column("b", Integer), Column("x", Float), Column("s", String(10)), Column("t", String(10)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(nums), [{"a": 7, "b": 2, "x": 1.5, "s": "foo", "t": "bar"},
                                {"a": -9, "b": 4, "x": 0.1, "s": "x", "t": None}])
with engine.connect() as conn:
    q = select(nums.c.a + nums.c.b, nums.c.a - nums.c.b, nums.c.a * nums.c.b, nums.c.a / nums.c.b,
               nums.c.a % nums.c.b, nums.c.a // nums.c.b, -nums.c.a).order_by(nums.c.id)
    print(q)
    print(conn.execute(q).all())
    q = select(nums.c.x * 2, nums.c.x / 2, nums.c.x + nums.c.a, nums.c.a + 10).order_by(nums.c.id)
    print(conn.execute(q).all())
    q = select(nums.c.s + nums.c.t, nums.c.s + "!", nums.c.s.concat("-"), literal("<") + nums.c.s).order_by(nums.c.id)
    print(q)
    print(conn.execute(q).all())
