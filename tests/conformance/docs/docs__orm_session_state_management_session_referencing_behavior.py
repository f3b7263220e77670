# source: doc/build/orm/session_state_management.rst, section "Session Referencing Behavior"
# adapted: the recipe's session is a Session(engine) of the Merge Tips mapping; objects are loaded and dropped to show they stay referenced
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

# --- doc/build/orm/session_state_management.rst ---
from sqlalchemy import event


def strong_reference_session(session):
    @event.listens_for(session, "pending_to_persistent")
    @event.listens_for(session, "deleted_to_persistent")
    @event.listens_for(session, "detached_to_persistent")
    @event.listens_for(session, "loaded_as_persistent")
    def strong_ref_object(sess, instance):
        if "refs" not in sess.info:
            sess.info["refs"] = refs = set()
        else:
            refs = sess.info["refs"]

        refs.add(instance)

    @event.listens_for(session, "persistent_to_detached")
    @event.listens_for(session, "persistent_to_deleted")
    @event.listens_for(session, "persistent_to_transient")
    def deref_object(sess, instance):
        sess.info["refs"].discard(instance)


from sqlalchemy.orm import Session

my_session = Session(engine)
strong_reference_session(my_session)

my_session.add_all([User(name="ed"), User(name="wendy")])
my_session.commit()
my_session.scalars(select(User)).all()
print(len(my_session.identity_map))
print(sorted(u.name for u in my_session.info["refs"]))
my_session.close()
print(len(my_session.info["refs"]))

from sqlalchemy.orm import sessionmaker

maker = sessionmaker(engine)
strong_reference_session(maker)
