# source: doc/build/orm/declarative_mixins.rst, section "Mixing in Relationships"
# adapted: the page's mapping and its two printed selects; then the explicit-primaryjoin version of the mixin on a second base; a Foo and a Bar with targets flushed and loaded
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import declared_attr
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class RefTargetMixin:
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id"))

    @declared_attr
    def target(cls) -> Mapped["Target"]:
        return relationship("Target")


class Foo(RefTargetMixin, Base):
    __tablename__ = "foo"
    id: Mapped[int] = mapped_column(primary_key=True)


class Bar(RefTargetMixin, Base):
    __tablename__ = "bar"
    id: Mapped[int] = mapped_column(primary_key=True)


class Target(Base):
    __tablename__ = "target"
    id: Mapped[int] = mapped_column(primary_key=True)


print(select(Foo).join(Foo.target))
print(select(Bar).join(Bar.target))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    t = Target()
    session.add_all([Foo(target=t), Bar(target=t)])
    session.commit()
    print(session.get(Foo, 1).target.id, session.get(Bar, 1).target_id)


class Base2(DeclarativeBase):
    pass


class Target2(Base2):
    __tablename__ = "target"
    id: Mapped[int] = mapped_column(primary_key=True)


class RefTargetMixin2:
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id"))

    @declared_attr
    def target(cls) -> Mapped["Target2"]:
        # illustrates explicit 'primaryjoin' argument
        return relationship("Target2", primaryjoin=Target2.id == cls.target_id)


class Foo2(RefTargetMixin2, Base2):
    __tablename__ = "foo"
    id: Mapped[int] = mapped_column(primary_key=True)


print(select(Foo2).join(Foo2.target))
