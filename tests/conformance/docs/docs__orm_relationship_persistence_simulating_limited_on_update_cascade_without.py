# source: doc/build/orm/relationship_persistence.rst, section "Simulating limited ON UPDATE CASCADE without foreign key support"
# adapted: the page's mapping (imports, Base), an engine without the foreign key pragma; a user renamed and the address row read back
from sqlalchemy import create_engine
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

    username = mapped_column(String(50), primary_key=True)
    fullname = mapped_column(String(100))

    # passive_updates=False *only* needed if the database
    # does not implement ON UPDATE CASCADE
    addresses = relationship("Address", passive_updates=False)


class Address(Base):
    __tablename__ = "address"

    email = mapped_column(String(50), primary_key=True)
    username = mapped_column(String(50), ForeignKey("user.username"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(username="jack", fullname="Jack",
                     addresses=[Address(email="jack@example.com"), Address(email="j2@example.com")]))
    session.commit()
with Session(engine) as session:
    u = session.get(User, "jack")
    u.username = "ed"
    session.commit()
    print(session.execute(select(Address.email, Address.username).order_by(Address.email)).all())
