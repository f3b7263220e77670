# source: doc/build/orm/declarative_tables.rst, section "Automating Column Naming Schemes from Reflected Tables"
# adapted: `some_engine` is SQLite with `some_table` created by `text()` DDL; Table imported; the mapped attribute names printed and a row read
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy import text
from sqlalchemy.orm import Session

some_engine = create_engine("sqlite://", echo=True)
with some_engine.begin() as conn:
    conn.execute(text("CREATE TABLE some_table (Id INTEGER PRIMARY KEY, UserName VARCHAR(20))"))
    conn.execute(text("INSERT INTO some_table VALUES (1, 'u1')"))

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


@event.listens_for(Base.metadata, "column_reflect")
def column_reflect(inspector, table, column_info):
    # set column.key = "attr_<lower_case_name>"
    column_info["key"] = "attr_%s" % column_info["name"].lower()


class MyClass(Base):
    __table__ = Table("some_table", Base.metadata, autoload_with=some_engine)


print(MyClass.__table__.c.keys())
with Session(some_engine) as session:
    o = session.scalars(select(MyClass)).one()
    print(o.attr_id, o.attr_username)
