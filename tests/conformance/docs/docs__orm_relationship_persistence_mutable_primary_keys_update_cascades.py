# source: doc/build/orm/relationship_persistence.rst, section "Mutable Primary Keys / Update Cascades"
# adapted: the page's mapping (imports, Base), an engine with SQLite's `PRAGMA foreign_keys=ON` set on connect as the page's sqlite_foreign_keys link describes; a user renamed and the address row read back
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import Integer, ForeignKey, String
from sqlalchemy import select
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session

# --- doc/build/orm/relationship_persistence.rst ---
class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    __table_args__ = {"mysql_engine": "InnoDB"}

    username = mapped_column(String(50), primary_key=True)
    fullname = mapped_column(String(100))

    addresses = relationship("Address")


class Address(Base):
    __tablename__ = "address"
    __table_args__ = {"mysql_engine": "InnoDB"}

    email = mapped_column(String(50), primary_key=True)
    username = mapped_column(
        String(50), ForeignKey("user.username", onupdate="cascade")
    )


engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(username="jack", fullname="Jack", addresses=[Address(email="jack@example.com")])
    session.add(u)
    session.commit()
    u.username = "ed"
    session.commit()
    print(session.execute(select(Address.email, Address.username)).all())
    print([a.username for a in u.addresses])
