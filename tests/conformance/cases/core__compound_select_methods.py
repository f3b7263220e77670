# union()/union_all() as CompoundSelect: order_by (by result column name), limit, offset,
# subquery() selected from and joined to (ON from a foreign key to the subquery), cte(),
# scalar_subquery(); now()/current_timestamp rendering; text().columns().subquery().
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, insert,
                        union, union_all, except_, func, text)

metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)))
address = Table("address", metadata, Column("id", Integer, primary_key=True),
                Column("user_id", ForeignKey("user_account.id")), Column("email", String))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": n} for n in ["sandy", "spongebob", "patrick", "squidward"]])
    conn.execute(insert(address), [{"user_id": 1, "email": "s@x"}, {"user_id": 2, "email": "b@x"},
                                   {"user_id": 2, "email": "b2@x"}, {"user_id": 4, "email": "q@x"}])
s1 = select(user).where(user.c.id < 3)
s2 = select(user).where(user.c.name == "squidward")
u = union_all(s1, s2)
print(type(u).__name__)
ordered = u.order_by(user.c.name.desc()).limit(2).offset(1)
print(ordered)
with engine.connect() as conn:
    print(conn.execute(ordered).all())
    sq = u.subquery()
    stmt = select(sq.c.name, address.c.email).join_from(address, sq).order_by(sq.c.name, address.c.email)
    print(stmt)
    print(conn.execute(stmt).all())
    cte = union(select(user.c.id), select(address.c.user_id)).cte("ids")
    print(conn.execute(select(func.count()).select_from(cte)).scalar())
    n = except_(select(user.c.id), select(address.c.user_id)).scalar_subquery()
    print(conn.execute(select(user.c.name).where(user.c.id == n)).all())
    print(select(func.now(), func.current_timestamp(), func.current_date()))
    print(conn.execute(select(func.count()).where(func.now() != None)).scalar())
    t = text("SELECT id, name FROM user_account WHERE id > 2").columns(user.c.id, user.c.name)
    tsq = t.subquery("t")
    print(select(tsq.c.name).order_by(tsq.c.id))
    print(conn.execute(select(tsq.c.name).order_by(tsq.c.id)).scalars().all())
