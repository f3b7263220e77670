# source: doc/build/orm/declarative_tables.rst, section "Naming Declarative Mapped Columns Explicitly"
# adapted: the section's mapping on a DeclarativeBase; the printed statement as shown, then it is run on a SQLite engine
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/declarative_tables.rst ---
class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column("user_id", primary_key=True)
    name: Mapped[str] = mapped_column("user_name")


from sqlalchemy import select

print(select(User.id, User.name).where(User.name == "x"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="x"))
    session.commit()
    print(session.execute(select(User.id, User.name).where(User.name == "x")).all())
