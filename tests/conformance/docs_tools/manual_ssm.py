import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/session_state_management.rst, section "%s"'
MERGE_FIX = '''from sqlalchemy import create_engine
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
'''
MERGE_AD = "the page's User/Address mapping (table \"user\", backref) on \"sqlite://\" with a Session(engine)"
MERGE_START = '''
# --- doc/build/orm/session_state_management.rst: "Merge Tips" ---
u1 = User(name="ed", addresses=[Address(email_address="ed@ed.com")])
session.add(u1)
session.commit()
'''
cases = {
"getting_the_current_state_of_an": ("Getting the Current State of an Object", "my_object is a User of the Merge Tips mapping, inspected while transient, pending, persistent and detached", MERGE_FIX + '''
my_object = User(name="ed")

# --- doc/build/orm/session_state_management.rst ---
from sqlalchemy import inspect

insp = inspect(my_object)
print(insp.persistent)
print(insp.transient, insp.pending, insp.persistent, insp.detached)
session.add(my_object)
print(insp.transient, insp.pending, insp.persistent, insp.detached)
session.commit()
print(insp.transient, insp.pending, insp.persistent, insp.detached)
session.close()
print(insp.transient, insp.pending, insp.persistent, insp.detached)
'''),
"session_attributes": ("Session Attributes", "obj is a User of the Merge Tips mapping; the collections are printed after an add, a change and a delete", MERGE_FIX + '''
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
'''),
"session_referencing_behavior": ("Session Referencing Behavior", "the recipe's session is a Session(engine) of the Merge Tips mapping; objects are loaded and dropped to show they stay referenced", MERGE_FIX + '''
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
'''),
"merge_tips_flush_error": ("Merge Tips", "(first example, ends with the FlushError the doc shows)", MERGE_FIX + MERGE_START + '''existing_a1 = u1.addresses[0]
a1 = Address(id=existing_a1.id)

a1.user = u1
a1 = session.merge(a1)
session.commit()
'''),
"merge_tips_pending_backref": ("Merge Tips", "(the backref cascade example)", MERGE_FIX + MERGE_START + '''existing_a1 = u1.addresses[0]

a1 = Address()
a1.user = u1
print(a1 in session)
print(existing_a1 in session)
print(a1 is existing_a1)
'''),
"merge_tips_integrity_error": ("Merge Tips", "(\"Another example of unexpected state\", ends with the IntegrityError the doc shows)", MERGE_FIX + MERGE_START + '''existing_a1 = u1.addresses[0]

a1 = Address(id=existing_a1.id, user_id=u1.id)
a1.user = None
a1 = session.merge(a1)
session.commit()
'''),
"merge_tips_dict": ("Merge Tips", "(examining __dict__; the doc's id=existing_a1 / user.id are existing_a1.id / u1.id)", MERGE_FIX + MERGE_START + '''existing_a1 = u1.addresses[0]
session.expunge(existing_a1)

a1 = Address(id=existing_a1.id, user_id=u1.id)
assert a1 not in session
a1 = Address(id=existing_a1.id, user_id=u1.id)
print(a1.user)
print(a1.__dict__)
# we don't want user=None merged, remove it
# (SQLAlchemy 2.1 leaves no user=None in __dict__, so the doc's `del a1.user` is left out)
a1 = session.merge(a1)
# success
session.commit()
print(a1.user_id, a1.email_address)
'''),
"expunging": ("Expunging", "obj1 is a persistent User of the Merge Tips mapping", MERGE_FIX + '''
session.add_all([User(name="ed"), User(name="wendy")])
session.commit()
obj1 = session.get(User, 1)
obj2 = session.get(User, 2)

# --- doc/build/orm/session_state_management.rst ---
session.expunge(obj1)
print(obj1 in session, obj2 in session)
session.expunge_all()
print(obj2 in session)
'''),
"refreshing_expiring": ("Refreshing / Expiring", "the page's User of \"Merge Tips\" with a row \"user1\"", MERGE_FIX + '''
session.add(User(name="user1"))
session.commit()

# --- doc/build/orm/session_state_management.rst ---
user = session.scalars(select(User).filter_by(name="user1").limit(1)).first()
print(sorted(k for k in user.__dict__ if k != "_sa_instance_state"))
session.expire(user)
print(user.__dict__)
print(user.name)
print(sorted(k for k in user.__dict__ if k != "_sa_instance_state"))
user.name = "user2"
session.expire(user)
print(user.name)
'''),
"refreshing_expiring_methods": ("Refreshing / Expiring", "obj1 is a persistent User of the Merge Tips mapping; attr1, attr2 are its name and id", MERGE_FIX + '''
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
'''),
}
for k, (title, ad, body) in cases.items():
    write("docs__orm_session_state_management_" + k, SRC % title, ad if ad.startswith("(") is False else MERGE_AD + " " + ad, body)
print(len(cases))
