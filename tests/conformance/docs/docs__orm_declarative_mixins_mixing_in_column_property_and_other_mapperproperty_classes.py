# source: doc/build/orm/declarative_mixins.rst, section "Mixing in column_property() and other MapperProperty classes"
# adapted: the page's mapping and printed select; one Something row loaded with its x_plus_y
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import column_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import declared_attr
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class SomethingMixin:
    x: Mapped[int]
    y: Mapped[int]

    @declared_attr
    def x_plus_y(cls) -> Mapped[int]:
        return column_property(cls.x + cls.y)


class Something(SomethingMixin, Base):
    __tablename__ = "something"

    id: Mapped[int] = mapped_column(primary_key=True)


print(select(Something.x_plus_y))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Something(x=3, y=4))
    session.commit()
    s = session.scalars(select(Something)).one()
    print(s.x, s.y, s.x_plus_y)
