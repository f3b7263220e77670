# SELECT constructs printed with the default dialect and compiled for SQLite, with params.
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, select, func, and_, desc, union, exists, text
from sqlalchemy.dialects import sqlite

metadata = MetaData()
users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
              Column("age", Integer))
posts = Table("posts", metadata, Column("id", Integer, primary_key=True),
              Column("user_id", ForeignKey("users.id")), Column("title", String(50)), Column("votes", Integer))
d = sqlite.dialect()


def show(s):
    print(str(s))
    print(str(s.compile(dialect=d)), s.compile().params)
    print("--")


show(select(users))
show(select(users.c.name, users.c.age))
show(select(users).where(users.c.age > 30).where(users.c.name != "x"))
show(select(users.c.name).where(users.c.age.in_([1, 2])).order_by(users.c.name, desc(users.c.age)))
show(select(users.c.age, func.count()).group_by(users.c.age).having(func.count() > 1))
show(select(users).limit(10))
show(select(users).offset(5))
show(select(users).limit(10).offset(20))
show(select(users.c.age).distinct())
show(select(users.c.name, posts.c.title).join(posts, users.c.id == posts.c.user_id))
show(select(users.c.name, posts.c.title).join(posts))
show(select(users.c.name, posts.c.title).outerjoin(posts, users.c.id == posts.c.user_id))
show(select(users.c.name, posts.c.title).join(posts, users.c.id == posts.c.user_id, isouter=True))
show(select(users.c.name).select_from(users.join(posts)).where(posts.c.votes > 3))
show(select(users.c.name, posts.c.title).where(users.c.id == posts.c.user_id))
sub = select(posts.c.user_id, func.sum(posts.c.votes).label("total")).group_by(posts.c.user_id).subquery()
show(select(users.c.name, sub.c.total).join(sub, users.c.id == sub.c.user_id))
named = select(posts.c.user_id).where(posts.c.votes > 1).subquery("hot")
show(select(named.c.user_id))
n_posts = select(func.count(posts.c.id)).where(posts.c.user_id == users.c.id).scalar_subquery()
show(select(users.c.name, n_posts.label("n")))
show(select(users.c.name).where(users.c.id.in_(select(posts.c.user_id).where(posts.c.votes > 5))))
show(select(users.c.name).where(exists().where(posts.c.user_id == users.c.id)))
show(union(select(users.c.name).where(users.c.age < 20), select(users.c.name).where(users.c.age > 60)))
show(select(users.c.name.label("who"), (users.c.age + 1).label("next")))
show(select(func.max(users.c.age), func.min(users.c.age), func.count(users.c.id)))
boss = users.alias("boss")
show(select(users.c.name, boss.c.name).join(boss, users.c.id == boss.c.age))
show(select(users).where(text("age > :a")).params if False else select(users).where(users.c.name.startswith("a")))
print(select(users.c.id).where(users.c.age > 3).compile(compile_kwargs={"literal_binds": True}))
print(select(users.c.id).where(users.c.name.in_(["a", "b"])).compile(compile_kwargs={"literal_binds": True}))
