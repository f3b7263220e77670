# source: doc/build/orm/declarative_tables.rst, section "Mapping to an Explicit Set of Primary Key Columns"
# adapted: the section's mapping; an engine, rows flushed, one loaded by its two-column identity
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import Column
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase


metadata = MetaData()
group_users = Table(
    "group_users",
    metadata,
    Column("user_id", String(40), nullable=False),
    Column("group_id", String(40), nullable=False),
    UniqueConstraint("user_id", "group_id"),
)


class Base(DeclarativeBase):
    pass


class GroupUsers(Base):
    __table__ = group_users
    __mapper_args__ = {"primary_key": [group_users.c.user_id, group_users.c.group_id]}


engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([GroupUsers(user_id="u1", group_id="g1"), GroupUsers(user_id="u1", group_id="g2")])
    session.commit()
with Session(engine) as session:
    gu = session.get(GroupUsers, ("u1", "g2"))
    print(gu.user_id, gu.group_id)
