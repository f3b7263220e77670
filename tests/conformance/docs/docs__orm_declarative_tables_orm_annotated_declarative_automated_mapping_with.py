# source: doc/build/orm/declarative_tables.rst, section "ORM Annotated Declarative - Automated Mapping with Type Annotations"
# adapted: the section's mapping; its tables created on a SQLite engine (the DDL is in the log); the columns printed
from sqlalchemy import create_engine

# --- doc/build/orm/declarative_tables.rst ---
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    fullname: Mapped[str | None]
    nickname: Mapped[str | None] = mapped_column(String(30))


for c in User.__table__.c:
    print(c.name, c.type, c.nullable, c.primary_key)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
