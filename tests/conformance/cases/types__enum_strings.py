import enum

from sqlalchemy import Column, Enum, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.exc import IntegrityError

metadata = MetaData()


class Color(enum.Enum):
    red = "R"
    green = "G"


shirts = Table(
    "shirts", metadata,
    Column("id", Integer, primary_key=True),
    Column("size", Enum("small", "medium", "large", name="shirt_size", create_constraint=True), nullable=False),
    Column("fit", Enum("slim", "regular")),
    Column("color", Enum(Color, values_callable=lambda cls: [m.value for m in cls])),
)
print(repr(shirts.c.size.type), repr(shirts.c.fit.type), shirts.c.color.type.enums)
print(shirts.c.size.type.name, shirts.c.fit.type.name, shirts.c.color.type.name, shirts.c.size.type.length)
try:
    Enum("a", "bbbb", length=2)
except ValueError as e:
    print("ValueError:", e)

engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(shirts), [
        {"size": "small", "fit": "slim", "color": Color.red},
        {"size": "large", "fit": None, "color": Color.green},
    ])
    print(conn.execute(select(shirts).order_by(shirts.c.id)).all())
    print(conn.execute(select(shirts.c.id).where(shirts.c.color == Color.green)).all())
with engine.connect() as conn:
    try:
        conn.execute(insert(shirts), {"size": "huge"})
    except IntegrityError as e:
        print("IntegrityError:", e.orig)
