# source: doc/build/orm/versioning.rst, section "Simple Version Counting"
# adapted: User mapped on "user"; an INSERT, two UPDATEs, then a stale UPDATE after the row's version changed behind the session (StaleDataError)
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    version_id = mapped_column(Integer, nullable=False)
    name = mapped_column(String(50), nullable=False)

    __mapper_args__ = {"version_id_col": version_id}


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
u = User(name="ed")
session.add(u)
session.commit()
print(u.version_id)
u.name = "new name"
session.commit()
print(u.version_id)
u.name = "newer name"
session.flush()
print(u.version_id)
session.execute(text('UPDATE "user" SET version_id = 10'))
u.name = "stale"
session.flush()
