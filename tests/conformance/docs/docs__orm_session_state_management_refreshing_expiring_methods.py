# source: doc/build/orm/session_state_management.rst, section "Refreshing / Expiring"
# adapted: obj1 is a persistent User of the Merge Tips mapping; attr1, attr2 are its name and id
from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/session_state_management.rst: "Merge Tips" (the mapping) ---
class User(Base):
    __tablename__ = "user"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(50), nullable=False)
    addresses = relationship("Address", backref="user")


class Address(Base):
    __tablename__ = "address"

    id = mapped_column(Integer, primary_key=True)
    email_address = mapped_column(String(50), nullable=False)
    user_id = mapped_column(Integer, ForeignKey("user.id"), nullable=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

session.add_all([User(name="a"), User(name="b"), User(name="c"), User(name="d")])
session.commit()
obj1 = session.get(User, 1)

# --- doc/build/orm/session_state_management.rst ---
# expire all ORM-mapped attributes on obj1
session.expire(obj1)
print(obj1.name)

# expire only attributes obj1.attr1, obj1.attr2
session.expire(obj1, ["name", "id"])
print(obj1.name)

session.expire_all()

# reload all attributes on obj1
session.refresh(obj1)

# reload obj1.attr1, obj1.attr2
session.refresh(obj1, ["name", "id"])

stmt = (
    select(User)
    .execution_options(populate_existing=True)
    .where((User.name.in_(["a", "b", "c"])))
)
for user in session.execute(stmt).scalars():
    print(user.name)  # will be refreshed for those columns that came back from the query
