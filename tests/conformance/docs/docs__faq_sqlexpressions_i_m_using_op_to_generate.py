# source: doc/build/faq/sqlexpressions.rst, section "I'm using op() to generate a custom operator and my parenthesis are not coming out correctly" (preceded by the page's sections "How do I render SQL expressions as strings, possibly with bound parameters inlined?", "Rendering "POSTCOMPILE" Parameters as Bound Parameters", "Why are percent signs being doubled up when stringifying SQL statements?")

# --- doc/build/faq/sqlexpressions.rst: "How do I render SQL expressions as strings, possibly with bound parameters inlined?" ---
from sqlalchemy import table, column, select
t = table("my_table", column("x"))
statement = select(t)
print(str(statement))
from sqlalchemy import column
print(column("x") == "some value")

# --- doc/build/faq/sqlexpressions.rst: "Rendering "POSTCOMPILE" Parameters as Bound Parameters" ---
stmt = select(A).where(A.id.in_([1, 2, 3]))
e = create_engine("postgresql+psycopg2://")
print(stmt.compile(e, compile_kwargs={"render_postcompile": True}))
print(stmt.compile(e, compile_kwargs={"literal_binds": True}))
u1, u2, u3 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
stmt = select(A).where(A.data.in_([u1, u2, u3]))
import re
e = create_engine("sqlite+pysqlite://")
compiled = stmt.compile(e, compile_kwargs={"render_postcompile": True})
params = (repr(compiled.params[name]) for name in compiled.positiontup)
print(re.sub(r"\?", lambda m: next(params), str(compiled)))

# --- doc/build/faq/sqlexpressions.rst: "Why are percent signs being doubled up when stringifying SQL statements?" ---
from sqlalchemy import table, column
from sqlalchemy.dialects import postgresql
t = table("my_table", column("value % one"), column("value % two"))
print(t.select().compile(dialect=postgresql.dialect()))
strstmt = str(t.select().compile(dialect=postgresql.dialect()))
print(strstmt % ())
print(t.select().compile(dialect=postgresql.dialect(paramstyle="named")))

# --- doc/build/faq/sqlexpressions.rst: "I'm using op() to generate a custom operator and my parenthesis are not coming out correctly" ---
print(column("q").op("->")(column("p")))
print((column("q1") + column("q2")).op("->")(column("p")))
print((column("q1") + column("q2")).op("->", precedence=100)(column("p")))
print((column("q1") + column("q2")).self_group().op("->")(column("p")))
