# source: doc/build/orm/session_state_management.rst, section "Session Attributes"
# adapted: obj is a User of the Merge Tips mapping; the collections are printed after an add, a change and a delete
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

session.add_all([User(name="ed"), User(name="wendy")])
session.commit()
ed, wendy = session.scalars(select(User).order_by(User.id)).all()
obj = ed

# --- doc/build/orm/session_state_management.rst ---
for obj in session:
    print(obj.name)

if obj in session:
    print("Object is present")

jack = User(name="jack")
session.add(jack)
ed.name = "eddie"
session.delete(wendy)

# pending objects recently added to the Session
print([o.name for o in session.new])

# persistent objects which currently have changes detected
# (this collection is now created on the fly each time the property is called)
print([o.name for o in session.dirty])

# persistent objects that have been marked as deleted via session.delete(obj)
print([o.name for o in session.deleted])

# dictionary of all persistent objects, keyed on their
# identity key
print(sorted(session.identity_map.keys()))
session.commit()
