# SQLAlchemy's warnings through Python's warnings module: shown once per line, recorded,
# and turned into exceptions by an "error" filter.
import warnings
from sqlalchemy import create_engine, Column, Integer, exc
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import Session

Base = declarative_base()

class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(Item(id=1))
s.commit()
for _ in range(3):
    s.query(Item).get(1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    s.query(Item).get(1)
    print([w.category.__name__ for w in caught])
print(issubclass(exc.MovedIn20Warning, exc.SADeprecationWarning), issubclass(exc.SAWarning, RuntimeWarning))
warnings.filterwarnings("error", category=exc.LegacyAPIWarning)
try:
    s.query(Item).get(1)
except exc.LegacyAPIWarning as e:
    print("raised", type(e).__name__)
