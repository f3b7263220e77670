# create_engine with a PostgreSQL URL when no PostgreSQL driver is installed.
from sqlalchemy import create_engine

print("before")
engine = create_engine("postgresql://scott:tiger@localhost/test")
print("not reached")
