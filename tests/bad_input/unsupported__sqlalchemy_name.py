import sqlalchemy as sa
from sqlalchemy import create_engine
engine = create_engine("sqlite://")
t = sa.PickleType()
