# source: doc/build/orm/persistence_techniques.rst, section "Using SQL Expressions with Sessions"
# adapted: `engine` is SQLite with a `mytable` Table ("table" of the text() statement spelled mytable) holding row 7; MyMappedClass maps it for the bind_arguments examples; the page's `session.connection(MyMappedClass)` is spelled with `bind_arguments={"mapper": ...}` (2.x takes no positional mapper); results printed
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import sessionmaker


class Base(DeclarativeBase):
    pass


class MyMappedClass(Base):
    __tablename__ = "mytable"
    id = Column(Integer, primary_key=True)
    data = Column(String(30))


mytable = MyMappedClass.__table__
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(mytable.insert(), [{"id": 7, "data": "seven"}, {"id": 8, "data": "eight"}])

# --- doc/build/orm/persistence_techniques.rst ---
Session = sessionmaker(bind=engine)
session = Session()

# execute a string statement
result = session.execute(text("select * from mytable where id=:id"), {"id": 7})
print(result.all())

# execute a SQL expression construct
result = session.execute(select(mytable).where(mytable.c.id == 7))
print(result.all())

connection = session.connection()
print(connection.execute(text("select count(*) from mytable")).scalar())
session.close()

Session = sessionmaker()
session = Session(bind=engine)

# need to specify mapper or class when executing
result = session.execute(
    text("select * from mytable where id=:id"),
    {"id": 7},
    bind_arguments={"mapper": MyMappedClass},
)
print(result.all())

result = session.execute(
    select(mytable).where(mytable.c.id == 7), bind_arguments={"mapper": MyMappedClass}
)
print(result.all())

connection = session.connection(bind_arguments={"mapper": MyMappedClass})
print(connection.execute(text("select data from mytable where id=8")).scalar())
session.close()
