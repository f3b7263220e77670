# source: doc/build/core/ddl.rst, section "Controlling DDL Sequences"
# adapted: the page's examples are not doctested; they run on a SQLite engine (SQLite's sqlite_master stands in for pg_constraint; the PostgreSQL-only DDL is only compiled)
from sqlalchemy import create_engine, event, text
from sqlalchemy import MetaData, Table, Column, Integer, String
from sqlalchemy import DDL

engine = create_engine("sqlite://", echo=True)
metadata = MetaData()

mytable = Table(
    "mytable",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("data", String(50)),
)
func = DDL(
    "CREATE FUNCTION my_func() "
    "RETURNS TRIGGER AS $$ "
    "BEGIN "
    "NEW.data := 'ins'; "
    "RETURN NEW; "
    "END; $$ LANGUAGE PLPGSQL"
)
trigger = DDL(
    "CREATE TRIGGER dt_ins BEFORE INSERT ON mytable "
    "FOR EACH ROW EXECUTE PROCEDURE my_func();"
)
event.listen(mytable, "after_create", func.execute_if(dialect="postgresql"))
event.listen(mytable, "after_create", trigger.execute_if(dialect="postgresql"))
event.listen(
    mytable, "before_drop", trigger.execute_if(dialect=("postgresql", "mysql"))
)
sqlite_trigger = DDL(
    "CREATE TRIGGER dt_ins AFTER INSERT ON mytable "
    "BEGIN UPDATE mytable SET data = 'ins' WHERE id = NEW.id; END"
)
event.listen(mytable, "after_create", sqlite_trigger.execute_if(dialect="sqlite"))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(mytable.insert(), {"data": "x"})
    print(conn.execute(mytable.select()).all())
metadata.drop_all(engine)

users = Table(
    "users",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("user_name", String(40), nullable=False),
)

def should_create(ddl, target, connection, **kw):
    row = connection.execute(
        text("select name from sqlite_master where name='%s'" % "ix_user_name_length")
    ).scalar()
    return not bool(row)

def should_drop(ddl, target, connection, **kw):
    return not should_create(ddl, target, connection, **kw)

event.listen(
    users,
    "after_create",
    DDL(
        "CREATE INDEX ix_user_name_length ON users (length(user_name))"
    ).execute_if(callable_=should_create),
)
event.listen(
    users,
    "before_drop",
    DDL("DROP INDEX ix_user_name_length").execute_if(
        callable_=should_drop
    ),
)
users.create(engine)
users.drop(engine)
