# source: doc/build/orm/mapping_styles.rst, section "Default Constructor"
# adapted: the page's imperative mapping (Table, Column, Integer, String imported); an engine; the page's object flushed and loaded back with `session = Session(engine)`, the page's `fullname` keyword left out as its table has no such column
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy.orm import Session

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy.orm import registry

mapper_registry = registry()

user_table = Table(
    "user",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
)


class User:
    pass


mapper_registry.map_imperatively(User, user_table)

engine = create_engine("sqlite://", echo=True)
mapper_registry.metadata.create_all(engine)
session = Session(engine)
u1 = User(name="some name")
session.add(u1)
session.commit()
u1 = session.scalars(select(User).where(User.name == "some name")).first()
print(u1.id, u1.name)
