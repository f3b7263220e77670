# compile(dialect=...) for MySQL / PostgreSQL / Oracle: multiple-table DELETE (USING) and UPDATE forms,
# %s binds, now() / FROM DUAL; SQLite refuses multiple-table DELETE criteria (NotImplementedError).
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, select, update, delete, func, create_engine, insert
from sqlalchemy.dialects import mysql, postgresql, oracle, sqlite
m = MetaData()
u = Table("user_account", m, Column("id", Integer, primary_key=True), Column("name", String), Column("fullname", String))
a = Table("address", m, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id")), Column("email_address", String))
def p(f):
    try:
        print(f())
    except NotImplementedError as e:
        print("NotImplementedError", e)
d = delete(u).where(u.c.id == a.c.user_id).where(a.c.email_address == "x")
for di in (mysql, oracle, sqlite):
    p(lambda: d.compile(dialect=di.dialect()))
p(lambda: str(d))
d = delete(u).using(u.outerjoin(a, u.c.id == a.c.user_id)).where(a.c.email_address == "x")
p(lambda: d.compile(dialect=mysql.dialect()))
p(lambda: str(d))
d = delete(u).using(a).where(a.c.email_address == "x")
p(lambda: d.compile(dialect=mysql.dialect()))
p(lambda: str(d))
up = update(u).where(u.c.id == a.c.user_id).values(fullname="P", name="n")
p(lambda: up.compile(dialect=mysql.dialect()))
p(lambda: up.compile(dialect=oracle.dialect()))
p(lambda: select(func.now()).compile(dialect=oracle.dialect()))
p(lambda: select(func.now()).compile(dialect=mysql.dialect()))
p(lambda: select(func.now()).compile(dialect=postgresql.dialect()))
p(lambda: select(u.c.name).where(u.c.name == "x").where(u.c.id.in_([1, 2])).compile(dialect=oracle.dialect()))
p(lambda: select(u.c.name).where(u.c.name == "x").compile(dialect=mysql.dialect()))
print(mysql.dialect().name, postgresql.dialect().paramstyle, oracle.dialect().driver)
e = create_engine("sqlite://")
m.create_all(e)
with e.connect() as c:
    p(lambda: c.execute(delete(u).where(u.c.id == a.c.user_id)))
    c.execute(insert(u).values(name="a"))
    print(c.execute(delete(u).where(u.c.name == "a")).rowcount)
from sqlalchemy import Values
from sqlalchemy.exc import CompileError
up2 = update(u).where(u.c.id == a.c.user_id).values({u.c.fullname: "Pat", a.c.email_address: "pat@x", u.c.name: "n"})
p(lambda: up2.compile(dialect=mysql.dialect()))
try:
    print(up2)
except CompileError as e:
    print("CompileError", e)
vals = Values(u.c.id, u.c.name, name="my_values").data([(1, "x"), ("2", "y")])
up3 = u.update().values(name=vals.c.name).where(u.c.id == vals.c.id)
p(lambda: up3.compile(dialect=postgresql.dialect()))
print(up3)
print(select(vals.c.id, vals.c.name))
