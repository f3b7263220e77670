# source: doc/build/orm/declarative_mixins.rst, section "Mixing in Columns"
# adapted: the default func.now() is printed as its type (see README), and set to one value at the end; the three mixin forms each applied to a class of its own ("test", "test2", "test3"); one row each
from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import DateTime
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from datetime import datetime


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=func.now())
    updated_at: Mapped[datetime]


class MyModel(TimestampMixin, Base):
    __tablename__ = "test"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class TimestampMixin2:
    created_at = mapped_column(DateTime, default=func.now())
    updated_at: Mapped[datetime] = mapped_column()


class MyModel2(TimestampMixin2, Base):
    __tablename__ = "test2"

    id: Mapped[int] = mapped_column(primary_key=True)


class TimestampMixin3:
    created_at = Column(DateTime, default=func.now())
    updated_at = Column(DateTime)


class MyModel3(TimestampMixin3, Base):
    __tablename__ = "test3"

    id: Mapped[int] = mapped_column(primary_key=True)


print(MyModel.__table__.c.keys(), MyModel2.__table__.c.keys(), MyModel3.__table__.c.keys())
print(MyModel.__table__.c.created_at is TimestampMixin.created_at)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
stamp = datetime(2024, 1, 1, 12, 0, 0)
with Session(engine) as session:
    session.add_all(
        [
            MyModel(name="a", updated_at=stamp),
            MyModel2(updated_at=stamp),
            MyModel3(updated_at=stamp),
        ]
    )
    session.commit()
    for cls in (MyModel, MyModel2, MyModel3):
        obj = session.scalars(select(cls)).one()
        print(cls.__name__, type(obj.created_at).__name__, obj.updated_at)
    for cls in (MyModel, MyModel2, MyModel3):
        session.execute(update(cls).values(created_at=stamp))
    session.commit()
