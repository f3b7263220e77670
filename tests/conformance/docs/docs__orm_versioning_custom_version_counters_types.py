# source: doc/build/orm/versioning.rst, section "Custom Version Counters / Types"
# adapted: uuid.uuid4().hex becomes a counter of hex strings (the recorded run must be deterministic); an INSERT and an UPDATE
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session

counter = iter(range(1, 100))


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    version_uuid = mapped_column(String(32), nullable=False)
    name = mapped_column(String(50), nullable=False)

    __mapper_args__ = {
        "version_id_col": version_uuid,
        "version_id_generator": lambda version: "%032x" % next(counter),
    }


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(name="ed")
    session.add(u)
    session.commit()
    print(u.version_uuid)
    u.name = "jack"
    session.commit()
    print(u.version_uuid)
