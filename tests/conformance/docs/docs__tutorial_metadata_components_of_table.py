# source: doc/build/tutorial/metadata.rst, section "Components of ``Table``" (preceded by the page's sections "Setting up MetaData with Table objects"; setup: tutorial/engine.rst, tutorial/dbapi_transactions.rst)
# --- setup: doc/build/tutorial/engine.rst ---
from sqlalchemy import create_engine

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)

# --- setup: doc/build/tutorial/dbapi_transactions.rst (some_table and its rows) ---
from sqlalchemy import text

with engine.connect() as conn:
    conn.execute(text("CREATE TABLE some_table (x int, y int)"))
    conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 1, "y": 1}, {"x": 2, "y": 4}],
    )
    conn.commit()

with engine.begin() as conn:
    conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 6, "y": 8}, {"x": 9, "y": 10}],
    )

with engine.connect() as conn:
    conn.execute(
        text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
        [{"x": 11, "y": 12}, {"x": 13, "y": 14}],
    )
    conn.commit()

from sqlalchemy.orm import Session

with Session(engine) as session:
    result = session.execute(
        text("UPDATE some_table SET y=:y WHERE x=:x"),
        [{"x": 9, "y": 11}, {"x": 13, "y": 15}],
    )
    session.commit()

# --- doc/build/tutorial/metadata.rst: "Setting up MetaData with Table objects" ---
from sqlalchemy import MetaData
metadata_obj = MetaData()
from sqlalchemy import Table, Column, Integer, String

user_table = Table(
    "user_account",
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
    Column("fullname", String),
)

# --- doc/build/tutorial/metadata.rst: "Components of ``Table``" ---
print(user_table.c.name)
user_table.c.keys()
