import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
SRC = 'doc/build/orm/session_basics.rst, section "%s"'
AD = ("the fragments' placeholders are a mapped User (id, name, fullname, addresses) / Address "
      "on \"user_account\" / \"address\" with five users; some_object and some_other_object are "
      "new User objects; the PostgreSQL URL is \"sqlite://\"")
FIX = USER_FIXTURE + USER_ROWS
OBJS = '''some_object = User(name="squidward2", fullname="Squidward Two")
some_other_object = User(name="krabs2", fullname="Eugene Two")
'''
cases = {
"opening_and_closing_a_session": ("Opening and Closing a Session", FIX + OBJS + '''
# --- doc/build/orm/session_basics.rst ---
# create session and add objects
with Session(engine) as session:
    session.add(some_object)
    session.add(some_other_object)
    session.commit()
'''),
"framing_out_a_begin_commit_rollback": ("Framing out a begin / commit / rollback block", FIX + '''
# --- doc/build/orm/session_basics.rst ---
some_object = User(name="u6")
some_other_object = User(name="u7")
# verbose version of what a context manager will do
with Session(engine) as session:
    session.begin()
    try:
        session.add(some_object)
        session.add(some_other_object)
    except:
        session.rollback()
        raise
    else:
        session.commit()

some_object = User(name="u8")
some_other_object = User(name="u9")
# create session and add objects
with Session(engine) as session:
    with session.begin():
        session.add(some_object)
        session.add(some_other_object)
    # inner context calls session.commit(), if there were no exceptions
# outer context calls session.close()

some_object = User(name="u10")
some_other_object = User(name="u11")
# create session and add objects
with Session(engine) as session, session.begin():
    session.add(some_object)
    session.add(some_other_object)
# inner context calls session.commit(), if there were no exceptions
# outer context calls session.close()
'''),
"using_a_sessionmaker": ("Using a sessionmaker", FIX + '''
# --- doc/build/orm/session_basics.rst ---
from sqlalchemy.orm import sessionmaker

# a sessionmaker(), also in the same scope as the engine
Session = sessionmaker(engine)

some_object = User(name="u6")
some_other_object = User(name="u7")
# we can now construct a Session() without needing to pass the
# engine each time
with Session() as session:
    session.add(some_object)
    session.add(some_other_object)
    session.commit()
# closes the session

some_object = User(name="u8")
some_other_object = User(name="u9")
# we can now construct a Session() and include begin()/commit()/rollback()
# at once
with Session.begin() as session:
    session.add(some_object)
    session.add(some_other_object)
# commits the transaction, closes the session
'''),
"querying": ("Querying", FIX + '''
# --- doc/build/orm/session_basics.rst ---
from sqlalchemy import select
from sqlalchemy.orm import Session

with Session(engine) as session:
    # query for ``User`` objects
    statement = select(User).filter_by(name="sandy")

    # list of ``User`` objects
    user_obj = session.scalars(statement).all()
    print(user_obj)

    # query for individual columns
    statement = select(User.name, User.fullname)

    # list of Row objects
    rows = session.execute(statement).all()
    print(rows)
'''),
"adding_new_or_existing_items": ("Adding New or Existing Items", FIX + '''
# --- doc/build/orm/session_basics.rst ---
session = Session(engine)
user1 = User(name="user1")
user2 = User(name="user2")
session.add(user1)
session.add(user2)

session.commit()  # write changes to the database

item1, item2, item3 = User(name="item1"), User(name="item2"), User(name="item3")
session.add_all([item1, item2, item3])
session.commit()
print(session.scalars(select(User.name).order_by(User.id)).all())
session.close()
'''),
"deleting": ("Deleting", FIX + '''
# --- doc/build/orm/session_basics.rst ---
session = Session(engine)
obj1 = session.get(User, 3)
obj2 = session.get(User, 4)
# (their addresses are loaded first: the flush would load both collections in no fixed order)
print(obj1.addresses, obj2.addresses)
# mark two objects to be deleted
session.delete(obj1)
session.delete(obj2)

# commit (or flush)
session.commit()
print(session.scalars(select(User.name).order_by(User.id)).all())
session.close()
'''),
"flushing": ("Flushing", FIX + OBJS + '''
# --- doc/build/orm/session_basics.rst ---
session = Session(engine)
session.add(some_object)
session.flush()
print(some_object.id)

from sqlalchemy.orm import sessionmaker

Session = sessionmaker(autoflush=False)
mysession = Session(bind=engine)
print(mysession.scalars(select(User.name).where(User.id > 5)).all())

with mysession.no_autoflush:
    mysession.add(some_other_object)
    print(mysession.scalars(select(User.name).where(User.id > 5)).all())
    mysession.flush()
print(mysession.scalars(select(User.name).where(User.id > 5)).all())
mysession.commit()
session.rollback()
'''),
"get_by_primary_key": ("Get by Primary Key", FIX + '''
# --- doc/build/orm/session_basics.rst ---
session = Session(engine)
my_user = session.get(User, 5)
print(my_user)
print(session.get(User, 5) is my_user)
session.close()
'''),
"expiring_refreshing": ("Expiring / Refreshing", FIX + '''
# --- doc/build/orm/session_basics.rst ---
session = Session(engine)
u1 = session.scalars(select(User).where(User.id == 5)).one()
u2 = session.scalars(select(User).where(User.id == 5)).one()
print(u1 is u2)

session.expire(u1)
print(u1.fullname)  # <-- lazy loads from the transaction

session.refresh(u1)  # <-- emits a SQL query
print(u1.fullname)  # <-- is refreshed from the transaction

u1.fullname = "changed in memory"
u2 = session.scalars(
    select(User).where(User.id == 5).execution_options(populate_existing=True)
).one()
print(u2.fullname)
session.close()
'''),
"disabling_autobegin": ("Disabling Autobegin to Prevent Implicit Transactions", FIX + '''
# --- doc/build/orm/session_basics.rst ---
with Session(engine, autobegin=False) as session:
    session.begin()  # <-- required, else InvalidRequestError raised on next call

    session.add(User(name="u1"))
    session.commit()

    session.begin()  # <-- required, else InvalidRequestError raised on next call

    u1 = session.scalar(select(User).filter_by(name="u1"))
    print(u1)

with Session(engine, autobegin=False) as session:
    session.add(User(name="u2"))
    session.scalar(select(User).filter_by(name="u1"))
'''),
"closing": ("Closing", FIX + '''
# --- doc/build/orm/session_basics.rst ---
with Session(engine) as session:
    result = session.execute(select(User))
# closes session automatically
print(session.in_transaction())
'''),
}
for k, (title, body) in cases.items():
    ad = AD
    if k == "disabling_autobegin":
        ad = "a second session without begin() shows the InvalidRequestError the doc's comments name; " + AD
    write("docs__orm_session_basics_" + k, SRC % title, ad, body)
print(len(cases))
