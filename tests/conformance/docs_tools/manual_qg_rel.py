import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manual_common import *
import configs
SETUP = configs.setup_text(configs.PLAIN)
END = configs.END
SRC = 'doc/build/orm/queryguide/relationships.rst, section "%s" (setup: orm/queryguide/_plain_setup.rst; end: _end_doctest.rst)'
AD = "the page's examples are not doctested; they run here on the query guide's _plain_setup fixture, with the loaded objects printed"
cases = {
"lazy_loading": ("Lazy Loading", '''
# --- doc/build/orm/queryguide/relationships.rst ---
from sqlalchemy import select

spongebob = session.scalars(select(User).filter_by(name="spongebob")).one()
print(spongebob.addresses)
'''),
"joined_eager_loading": ("Joined Eager Loading", '''
# --- doc/build/orm/queryguide/relationships.rst ---
from sqlalchemy import select
from sqlalchemy.orm import joinedload

stmt = select(User).options(joinedload(User.addresses)).filter_by(name="spongebob")
spongebob = session.scalars(stmt).unique().all()
print(spongebob, spongebob[0].addresses)
'''),
"the_zen_of_joined_eager_loading": ("The Zen of Joined Eager Loading", '''
# --- doc/build/orm/queryguide/relationships.rst ---
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm import selectinload

stmt = (
    select(User)
    .join(User.addresses)
    .filter(User.name == "spongebob")
    .order_by(Address.email_address)
)
result = session.scalars(stmt).unique().all()
print(result)

stmt = (
    select(User)
    .join(User.addresses)
    .options(joinedload(User.addresses))
    .filter(User.name == "spongebob")
    .order_by(Address.email_address)
)
result = session.scalars(stmt).unique().all()
print(result)

stmt = (
    select(User)
    .join(User.addresses)
    .options(joinedload(User.addresses))
    .filter(User.name == "spongebob")
    .filter(Address.email_address == "someaddress@foo.com")
)
result = session.scalars(stmt).unique().all()
print(result)

stmt = (
    select(User)
    .join(User.addresses)
    .options(selectinload(User.addresses))
    .filter(User.name == "spongebob")
    .filter(Address.email_address == "someaddress@foo.com")
)
result = session.scalars(stmt).all()
print(result)
'''),
"the_zen_of_joined_eager_loading_wrong_order_by": ("The Zen of Joined Eager Loading", '''
# --- doc/build/orm/queryguide/relationships.rst (the first example: ORDER BY address, which the
# eager join's anonymous alias does not satisfy, so SQLite refuses it) ---
from sqlalchemy import select
from sqlalchemy.orm import joinedload

''' + '''stmt = (
    select(User)
    .options(joinedload(User.addresses))
    .filter(User.name == "spongebob")
    .order_by(Address.email_address)
)
result = session.scalars(stmt).unique().all()
print(result)'''),
"select_in_loading": ("Select IN loading", '''
# --- doc/build/orm/queryguide/relationships.rst ---
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import selectinload

stmt = (
    select(User)
    .options(selectinload(User.addresses))
    .filter(or_(User.name == "spongebob", User.name == "ed"))
)
result = session.scalars(stmt).all()
print([(u.name, u.addresses) for u in result])

stmt = select(Address).options(selectinload(Address.user))
result = session.scalars(stmt).all()
print([(a.email_address, a.user.name) for a in result])
'''),
"subquery_eager_loading": ("Subquery Eager Loading", '''
# --- doc/build/orm/queryguide/relationships.rst ---
from sqlalchemy import select
from sqlalchemy.orm import subqueryload

stmt = select(User).options(subqueryload(User.addresses)).filter_by(name="spongebob")
results = session.scalars(stmt).all()
print([(u.name, u.addresses) for u in results])
'''),
}
for k, (title, body) in cases.items():
    write("docs__orm_queryguide_relationships_" + k, SRC % title, AD, SETUP + body + END)
print(len(cases))
