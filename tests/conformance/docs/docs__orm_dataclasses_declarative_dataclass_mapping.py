# source: doc/build/orm/dataclasses.rst, section "Declarative Dataclass Mapping"
# adapted: the page's MappedAsDataclass base form; the generated __init__, __repr__ and __eq__ shown, then a User flushed and loaded
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import MappedAsDataclass
from sqlalchemy.orm import Session


class Base(MappedAsDataclass, DeclarativeBase):
    """subclasses will be converted to dataclasses"""


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str]


u1 = User("spongebob")
print(u1)
print(u1 == User(name="spongebob"))
try:
    User(id=5, name="x")
except TypeError as err:
    print("TypeError:", err)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(u1)
    session.commit()
    print(session.scalars(select(User)).one())
