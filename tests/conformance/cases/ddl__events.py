# DDL events of a metadata and a table (Python listeners and DDL(...) listeners with
# execute_if), DDL(...) executed and printed, drop_all of tables in a foreign key cycle.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey
from sqlalchemy import DDL, event, text, ForeignKeyConstraint

engine = create_engine("sqlite://")
metadata = MetaData()
log = Table("log", metadata, Column("id", Integer, primary_key=True), Column("msg", String(20)))
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40)),
)


def before(target, connection, **kw):
    print("before_create", target, sorted(kw))


def after(target, connection, **kw):
    print("after_create", target, sorted(kw))
    connection.execute(text("INSERT INTO log (msg) VALUES ('made %s')" % target))


event.listen(metadata, "before_create", before)
event.listen(users, "before_create", before)
event.listen(users, "after_create", after)
event.listen(users, "after_create", DDL("CREATE INDEX ix_%(table)s_name ON %(table)s (name)"))
event.listen(users, "after_create", DDL("CREATE INDEX never ON users (id)").execute_if(dialect="postgresql"))
event.listen(
    users,
    "before_drop",
    DDL("DROP INDEX ix_users_name").execute_if(dialect=("sqlite", "mysql")),
)
metadata.create_all(engine)
with engine.connect() as conn:
    print(conn.execute(text("SELECT msg FROM log")).all())
    conn.execute(DDL("CREATE TABLE extra (x INTEGER)"))
    conn.commit()
print(DDL("DROP TABLE extra"))
users.drop(engine)
metadata.drop_all(engine)

m2 = MetaData()
Table("node", m2, Column("id", Integer, primary_key=True), Column("el", Integer, ForeignKey("element.id")))
Table(
    "element",
    m2,
    Column("id", Integer, primary_key=True),
    Column("node_id", Integer),
    ForeignKeyConstraint(["node_id"], ["node.id"]),
)
Table("other", m2, Column("id", Integer, primary_key=True))
m2.create_all(engine)
m2.drop_all(engine)
