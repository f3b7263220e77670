# source: doc/build/core/defaults.rst, section "Executing a Sequence Standalone"
# adapted: the page's examples are not doctested; each table is created on a SQLite engine, rows inserted and updated without the defaulted columns, and the rows printed
from sqlalchemy import create_engine, select, func, text
from sqlalchemy import MetaData, Table, Column, Integer, String, DateTime, Sequence

engine = create_engine("sqlite://", echo=True)
metadata_obj = MetaData()
from sqlalchemy.dialects import postgresql

my_seq = Sequence("some_sequence", start=1)
stmt = select(my_seq.next_value())
print(stmt.compile(dialect=postgresql.dialect()))

# SQLite has no sequences
with engine.connect() as conn:
    seq = Sequence("some_sequence", start=1)
    nextid = conn.execute(seq)
