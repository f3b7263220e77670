# A mapper event on the Mapper class reaches every mapped class, with each object's own mapper.
from sqlalchemy import create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, Session, mapped_column
class Base(DeclarativeBase): pass
class A(Base):
    __tablename__ = "a"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(default="a")
class B(Base):
    __tablename__ = "b"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(default="b")
@event.listens_for(Mapper, "before_insert")
def bi(mapper, connection, target):
    print("before_insert", mapper.class_.__name__, type(target).__name__)
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.add_all([A(), B(), A()])
    s.commit()
