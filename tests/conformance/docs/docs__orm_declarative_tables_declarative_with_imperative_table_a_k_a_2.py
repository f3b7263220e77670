# source: doc/build/orm/declarative_tables.rst, section "Declarative with Imperative Table (a.k.a. Hybrid Declarative)"
# adapted: the section's inline User and polymorphic Person (on their own bases); an engine, rows flushed and read
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy.orm import Session
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __table__ = Table(
        "user",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String),
        Column("fullname", String),
        Column("nickname", String),
    )


class Person(Base):
    __table__ = Table(
        "person",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(50)),
        Column("type", String(50)),
    )

    __mapper_args__ = {
        "polymorphic_on": __table__.c.type,
        "polymorphic_identity": "person",
    }


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="u1"), Person(name="p1")])
    session.commit()
    print(session.execute(select(User.id, User.name)).all())
    print(session.execute(select(Person.id, Person.name, Person.type)).all())
