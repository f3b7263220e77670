# create_engine with a URL whose dialect does not exist: NoSuchModuleError.
from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError

try:
    create_engine("not a url")
except ArgumentError as e:
    print("ArgumentError:", e)
engine = create_engine("nosuchdb://user@host/db")
