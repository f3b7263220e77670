# Every column-expression construct, printed with the default dialect (named binds), compiled
# for SQLite (? binds) and with its parameters: what SessionLab's compiler must reproduce.
from sqlalchemy import (MetaData, Table, Column, Integer, String, Float, Numeric, Boolean, Date, select,
                        and_, or_, not_, func, literal, literal_column, cast, case, text, true, null, bindparam)
from sqlalchemy.dialects import sqlite

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
          Column("n", Integer), Column("x", Float), Column("price", Numeric(10, 2)),
          Column("flag", Boolean), Column("day", Date), Column("order", String(5)))
d = sqlite.dialect()


def show(e):
    c = e.compile()
    print(str(e), "|", str(e.compile(dialect=d)), "|", c.params)


for e in [
    t.c.n == 5, t.c.n != 5, t.c.n < 5, t.c.n <= 5, t.c.n > 5, t.c.n >= 5, 5 < t.c.n,
    t.c.n + 1, t.c.n - 1, t.c.n * 2, t.c.n / 2, t.c.n % 2, t.c.n // 2, -t.c.n, t.c.x / t.c.n, t.c.price * 2,
    (t.c.n + 1) * 2, t.c.n + 1 + 2, t.c.n - (t.c.n - 1), t.c.n / (t.c.n + 1),
    t.c.name + "!", "<" + t.c.name, t.c.name + t.c.name, t.c.name.concat("x"),
    and_(t.c.n > 1, t.c.n < 9), or_(t.c.n == 1, t.c.n == 2), not_(t.c.n == 1), ~(t.c.n > 1),
    (t.c.n > 1) & (t.c.name == "a"), (t.c.n > 1) | (t.c.name == "a"), and_(or_(t.c.n == 1, t.c.n == 2), t.c.name == "b"),
    or_(and_(t.c.n == 1, t.c.n == 2), t.c.name == "b"), ~and_(t.c.n == 1, t.c.name == "b"), and_(t.c.flag, t.c.n == 1),
    t.c.n.in_([1, 2, 3]), t.c.n.not_in([1, 2]), t.c.n.in_([]), t.c.name.like("a%"), t.c.name.not_like("a%"),
    t.c.name.ilike("A%"), t.c.name.startswith("a"), t.c.name.endswith("z"), t.c.name.contains("m"),
    t.c.name.contains("5%", autoescape=True), t.c.name.like("a/_%", escape="/"),
    t.c.name.is_(None), t.c.name.is_not(None), t.c.name == None, t.c.name != None, t.c.flag.is_(True),
    t.c.flag == True, t.c.flag == False, t.c.n.between(1, 5), ~t.c.n.between(1, 5),
    t.c.n.desc(), t.c.n.asc(), t.c.n.desc().nulls_last(), t.c.n.label("k"), (t.c.n + 1).label("k1"),
    cast(t.c.name, Integer), cast(t.c.n, String), cast(t.c.n, Numeric(10, 2)),
    func.count(), func.count(t.c.id), func.sum(t.c.n), func.max(t.c.n), func.min(t.c.x), func.lower(t.c.name),
    func.upper(t.c.name), func.coalesce(t.c.name, "none"), func.length(t.c.name), func.round(t.c.x, 2),
    func.lower(t.c.name) == "a", func.count(t.c.id) > 1, literal(5) + t.c.n, literal("a") + t.c.name,
    literal_column("n") + 1, case((t.c.n > 5, "big"), (t.c.n > 2, "mid"), else_="small"),
    case({1: "one", 2: "two"}, value=t.c.n), case((t.c.flag, 1), else_=0), true(), t.c.name == null(),
    t.c.order == "x", t.c.n == bindparam("wanted"), t.c.day > "2020-01-01",
]:
    show(e)
