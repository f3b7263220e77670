# source: doc/build/orm/persistence_techniques.rst, section "Simple Vertical Partitioning"
# adapted: the two engines are "sqlite://"; the `...` class bodies are filled with small tables; each base's tables created on its engine; rows added and read
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import sessionmaker

# --- doc/build/orm/persistence_techniques.rst ---
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Session


class BaseA(DeclarativeBase):
    pass


class BaseB(DeclarativeBase):
    pass


class User(BaseA):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Address(BaseA):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class GameInfo(BaseB):
    __tablename__ = "game_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class GameStats(BaseB):
    __tablename__ = "game_stats"
    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("game_info.id"))


engine1 = create_engine("sqlite://", echo=True)
engine2 = create_engine("sqlite://", echo=True)
BaseA.metadata.create_all(engine1)
BaseB.metadata.create_all(engine2)

Session = sessionmaker()

# all User/Address operations will be on engine 1, all
# Game operations will be on engine 2
Session.configure(binds={BaseA: engine1, BaseB: engine2})

session = Session()
u = User(name="u1")
g = GameInfo(name="g1")
session.add_all([u, g])
session.flush()
session.add_all([Address(user_id=u.id), GameStats(game_id=g.id)])
session.commit()
print(session.scalars(select(User.name)).all(), session.scalars(select(GameInfo.name)).all())
print(session.get_bind(Address) is engine1, session.get_bind(GameStats) is engine2)
