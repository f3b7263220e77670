# The Core operator reference's expressions printed three ways: str() (the default dialect),
# literal_binds, and the SQLite dialect; and where SessionLab prints them, PostgreSQL and MySQL;
# custom operators (op(), bool_op()).
from sqlalchemy import Integer, String, and_, column, literal, not_, or_, select, tuple_
from sqlalchemy.dialects import mysql, postgresql, sqlite

x = column("x")
y = column("y", Integer)
s = column("s", String)
literal_binds = {"literal_binds": True}
exprs = [
    x.in_([1, 2, 3]), x.in_([]), x.not_in([1]), ~x.in_([]), tuple_(x, y).in_([(1, 2), (3, 4)]),
    s.contains("a%b", autoescape=True), s.startswith("a_b", autoescape=True),
    s.endswith("ab/", escape="^"), s.icontains("Ab"), s.istartswith("Ab"), s.iendswith("Ab"),
    s.like("a", escape="/"), s.ilike("A%"), ~s.contains("a"), ~s.startswith("a", autoescape=True),
    x.between(1, 5), ~x.between(1, 5), and_(x == 1, y == 2),
    or_(x == 1, and_(y == 2, s == "a")), not_(x == 1), ~(x > 5), not_(and_(x == 1, y == 2)),
    ~x.in_([1, 2]), ~x.like("a"), x == None, x != None, x.is_(True), x.is_not(False),
    y + 5 * 3, (y + 5) * 3, -y, y - (y - 1), y / (y / 2), s + "a" + "b",
    s.concat("x").concat("y"), y.bitwise_and(1).bitwise_or(2), y.bitwise_not(),
    x.is_distinct_from(None), ~x.is_not_distinct_from(3), x.collate("utf8_bin"),
    x.in_(select(y)), ~x.in_(select(y)), x.regexp_match("a.*"), s.match("w"),
    x == literal(5), literal("a") + s, y // 2, y % 3, 5 // y,
]
for e in exprs:
    print(e, "|", e.compile(compile_kwargs=literal_binds), "|", e.compile(dialect=sqlite.dialect()))

for e in [
    x.in_([1, 2]), y == 5, s == "a", s.concat("x").concat("y"), x.is_distinct_from(None),
    x.is_not_distinct_from(3), y.bitwise_xor(2), s.match("w"), x.regexp_match("a"),
    ~x.in_(select(y)), x.between(1, 5), tuple_(x, y).in_([(1, 2)]),
]:
    print(e.compile(dialect=postgresql.dialect()), "|", e.compile(dialect=mysql.dialect()))

# Custom operators: op() (precedence 0 unless given: grouped inside other operators), bool_op().
q = column("q")
p = column("p")
for e in [
    q.op("->")(p), (column("q1") + column("q2")).op("->")(p), q.op("->")(5), q.op("->")(p) == 5,
    and_(q.op("->")(p), q == 1), q.op("->", precedence=5)(p) == 5, y.bool_op("-%>")(5),
    q.op("->")(p).op("->")(q), -q.op("->")(p), q.op("->")(p) + 1,
]:
    print(e, "|", e.compile(dialect=sqlite.dialect()))
print(select(q.op("->")(p)))
print(select(q).where(q.op("&&", is_comparison=True)(p)))

# between() as a function.
from sqlalchemy import between

print(between(y, 1, 5), "|", ~between(y, 1, 5), "|", select(between(y, 1, 2)))

# collate(), label(), nullsfirst() / nullslast() as functions.
from sqlalchemy import collate, desc, label, nullsfirst, nullslast

print(collate(s, "NOCASE") == "x", "|", select(collate(s, "x")))
print(label("foo", y + 1), "|", select(label("foo", y + 1)))
print(select(y).order_by(nullsfirst(y), nullslast(desc(s))))
