# synchronize_session decides what a bulk UPDATE does to objects already in the session.
# The same UPDATE runs four times; after each, compare what `loaded` shows with the database.
from sqlalchemy import create_engine, Column, Integer, String, update, select
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    qty = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

for strategy in [False, "evaluate", "fetch", "auto"]:
    with Session(engine) as session:
        session.execute(update(Item.__table__).values(qty=0))
        if not session.scalar(select(Item).limit(1)):
            session.add_all([Item(name=f"item{i}", qty=0) for i in range(1, 4)])
        session.commit()
        loaded = session.scalars(select(Item).order_by(Item.id)).all()
        session.execute(
            update(Item).where(Item.id >= 2).values(qty=Item.qty + 10)
            .execution_options(synchronize_session=strategy)
        )
        in_session = [i.qty for i in loaded]
        in_database = session.scalars(select(Item.qty).order_by(Item.id)).all()
        print(f"{strategy!r:>10}: session sees {in_session}, database has {in_database}")
        session.commit()
