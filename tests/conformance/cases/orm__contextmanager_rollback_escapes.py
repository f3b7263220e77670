# A session_scope() context manager whose block raises IntegrityError: the generator rolls
# back, closes and re-raises; the error escapes the script with the block's traceback.
from contextlib import contextmanager

from sqlalchemy import create_engine, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)


@contextmanager
def session_scope():
    session = Session(engine)
    try:
        yield session
        session.commit()
    except:
        session.rollback()
        raise
    finally:
        session.close()


with session_scope() as session:
    session.add(User(name="spongebob"))

with session_scope() as session:
    session.add(User(name="sandy"))
    session.add(User(name="spongebob"))
    print("flushing")
