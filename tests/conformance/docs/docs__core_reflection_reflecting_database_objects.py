# source: doc/build/core/reflection.rst, section "Reflecting Database Objects"
# adapted: the page's examples are not doctested; the tables they reflect are created first on a SQLite engine (engine, some_engine and someengine are that engine), and the reflected objects printed
from sqlalchemy import create_engine, text
from sqlalchemy import MetaData, Table, Column, Integer, String, Unicode, ForeignKey

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE messages (message_id INTEGER PRIMARY KEY, message_name VARCHAR(50), date DATETIME)"))
    conn.execute(text("CREATE TABLE shopping_carts (cart_id INTEGER PRIMARY KEY, owner VARCHAR(30))"))
    conn.execute(text(
        "CREATE TABLE shopping_cart_items (item_id INTEGER PRIMARY KEY, "
        "cart_id INTEGER REFERENCES shopping_carts(cart_id), description TEXT)"
    ))
metadata_obj = MetaData()

messages = Table("messages", metadata_obj, autoload_with=engine)
print([c.name for c in messages.columns])

shopping_cart_items = Table("shopping_cart_items", metadata_obj, autoload_with=engine)
print("shopping_carts" in metadata_obj.tables)

shopping_carts = Table("shopping_carts", metadata_obj)
print(shopping_carts is metadata_obj.tables["shopping_carts"])
print(repr(shopping_carts))
print(repr(messages))
print(list(shopping_cart_items.c.cart_id.foreign_keys))
print(shopping_cart_items.c.cart_id.references(shopping_carts.c.cart_id))
print(messages.primary_key)
for c in messages.c:
    print(c.name, c.type, c.nullable, c.primary_key)
