# Inspecting an existing database: inspect(engine).get_table_names()/get_columns(), then
# MetaData.reflect() and Table(..., autoload_with=engine) to work with tables you didn't define.
from sqlalchemy import create_engine, inspect, MetaData, Table, text, select

engine = create_engine("sqlite:///legacy.db")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE artists (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL)"))
    conn.execute(text(
        "CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT, artist_id INTEGER REFERENCES artists(id))"))
    conn.execute(text("INSERT INTO artists (name) VALUES ('Queen'), ('Abba')"))
    conn.execute(text("INSERT INTO albums (title, artist_id) VALUES ('Jazz', 1), ('Arrival', 2)"))

inspector = inspect(engine)
print(inspector.get_table_names())
for column in inspector.get_columns("artists"):
    print(column["name"], column["type"], column["nullable"], column["primary_key"])
print(inspector.get_foreign_keys("albums"))
print(inspector.get_pk_constraint("albums"))

metadata = MetaData()
metadata.reflect(bind=engine)
print(sorted(metadata.tables.keys()))
artists = metadata.tables["artists"]
print(artists.c.keys())

albums = Table("albums", MetaData(), autoload_with=engine)
print([c.name for c in albums.columns])

with engine.connect() as conn:
    for row in conn.execute(select(artists).order_by(artists.c.name)):
        print(row)
    stmt = select(albums.c.title, artists.c.name).join(artists, albums.c.artist_id == artists.c.id)
    print(conn.execute(stmt.order_by(albums.c.id)).all())
