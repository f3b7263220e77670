from sqlalchemy import Column, Identity, Integer, MetaData, Sequence, String, Table, create_engine, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

metadata = MetaData()
data = Table(
    "data", metadata,
    Column("id", Integer, Identity(start=42, cycle=True), primary_key=True),
    Column("seq_no", Integer, Sequence("data_seq_no_seq", start=1)),
    Column("counter", Integer, Identity()),
    Column("data", String),
)
print(repr(Identity(start=42, cycle=True)), repr(Sequence("some_seq", start=5)))


class Base(DeclarativeBase):
    pass


class Cart(Base):
    __tablename__ = "cart"
    id: Mapped[int] = mapped_column(Integer, Sequence("cart_id_seq", start=1), primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://")
metadata.create_all(engine)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(data), [{"counter": 1, "data": "a"}, {"counter": 2, "data": "b"}])
    print(conn.execute(select(data)).all())
with Session(engine) as session:
    session.add_all([Cart(name="x"), Cart(name="y")])
    session.commit()
    print([(c.id, c.name) for c in session.scalars(select(Cart))])
