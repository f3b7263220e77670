# Session(connection) joins the connection's transaction: by default a session commit does not
# commit it and a rollback rolls it back; "create_savepoint" works inside a SAVEPOINT;
# "control_fully" commits it; a connection without a transaction is begun by the session.
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with engine.connect() as conn:
    trans = conn.begin()
    s = Session(conn)
    s.add(Item(name="kept by the session commit only"))
    s.commit()
    print(conn.in_transaction(), s.scalars(select(Item.name)).all())
    s.close()
    trans.rollback()
with engine.connect() as conn:
    conn.begin()
    s = Session(conn, join_transaction_mode="create_savepoint")
    s.add(Item(name="savepoint"))
    s.commit()
    s.add(Item(name="rolled back"))
    s.flush()
    s.rollback()
    s.close()
    conn.commit()
with engine.connect() as conn:
    conn.begin()
    s = Session(conn, join_transaction_mode="control_fully")
    s.add(Item(name="fully"))
    s.commit()
    print(conn.in_transaction())
with engine.connect() as conn:
    s = Session(conn)
    s.add(Item(name="own transaction"))
    s.commit()
    with s.begin():
        nested = s.begin_nested()
        s.add(Item(name="nested"))
        s.flush()
        nested.rollback()
        s.add(Item(name="after nested"))
with Session(engine) as s:
    print(s.scalars(select(Item.name).order_by(Item.id)).all())
