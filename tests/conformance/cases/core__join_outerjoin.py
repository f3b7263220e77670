# join / outerjoin between two Core tables, with explicit and inferred ON clauses.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, insert

metadata = MetaData()
users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
posts = Table("posts", metadata, Column("id", Integer, primary_key=True),
              Column("user_id", ForeignKey("users.id")), Column("title", String(40)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(users), [{"name": "ann"}, {"name": "bob"}, {"name": "cy"}])
    conn.execute(insert(posts), [{"user_id": 1, "title": "hello"}, {"user_id": 1, "title": "again"},
                                 {"user_id": 3, "title": "cy here"}])
with engine.connect() as conn:
    q = select(users.c.name, posts.c.title).join(posts).order_by(posts.c.id)
    print(conn.execute(q).all())
    q = select(users.c.name, posts.c.title).select_from(users).outerjoin(posts, users.c.id == posts.c.user_id).order_by(users.c.id, posts.c.id)
    print(conn.execute(q).all())
    q = select(users.c.name).select_from(users.join(posts)).where(posts.c.title.like("%e%")).distinct().order_by(users.c.name)
    print(conn.execute(q).scalars().all())
    j = users.outerjoin(posts)
    print(conn.execute(select(users.c.name).select_from(j).where(posts.c.id.is_(None))).scalars().all())
