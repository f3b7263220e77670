# source: doc/build/faq/sqlexpressions.rst, section "How do I render SQL expressions as strings, possibly with bound parameters inlined?"

# --- doc/build/faq/sqlexpressions.rst: "How do I render SQL expressions as strings, possibly with bound parameters inlined?" ---
from sqlalchemy import table, column, select
t = table("my_table", column("x"))
statement = select(t)
print(str(statement))
from sqlalchemy import column
print(column("x") == "some value")
