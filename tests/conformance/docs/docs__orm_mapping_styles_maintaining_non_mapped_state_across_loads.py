# source: doc/build/orm/mapping_styles.rst, section "Maintaining Non-Mapped State Across Loads"
# adapted: the page's Point with its `__init__` and `load` listener; an engine, a point flushed, and loaded again in a new transaction
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy import event


class Point(Base):
    __tablename__ = "point"
    id: Mapped[int] = mapped_column(primary_key=True)
    x: Mapped[int]
    y: Mapped[int]

    def __init__(self, x, y, **kw):
        super().__init__(x=x, y=y, **kw)
        self.x_plus_y = x + y


@event.listens_for(Point, "load")
def receive_load(target, context):
    target.x_plus_y = target.x + target.y

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
p = Point(x=1, y=2)
print(p.x_plus_y)
session.add(p)
session.commit()
print(p.x_plus_y)
session.close()
p = session.scalars(select(Point)).one()
print(p.x_plus_y)
