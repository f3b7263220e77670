# source: doc/build/core/reflection.rst, section "Reflecting All Tables at Once"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import create_engine, text
from sqlalchemy import MetaData

someengine = create_engine("sqlite://")
with someengine.begin() as conn:
    conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(30))"))
    conn.execute(text("CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), email VARCHAR(50))"))
    conn.execute(text("INSERT INTO users (id, name) VALUES (1, 'spongebob'), (2, 'sandy')"))
    conn.execute(text("INSERT INTO addresses (id, user_id, email) VALUES (1, 1, 'sb@example.com'), (2, 2, 'sandy@example.com')"))

metadata_obj = MetaData()
metadata_obj.reflect(bind=someengine)
users_table = metadata_obj.tables["users"]
addresses_table = metadata_obj.tables["addresses"]
print(repr(users_table))
print(repr(addresses_table))
print([t.name for t in metadata_obj.sorted_tables])

metadata_obj = MetaData()
metadata_obj.reflect(bind=someengine)
with someengine.begin() as conn:
    for table in reversed(metadata_obj.sorted_tables):
        conn.execute(table.delete())
