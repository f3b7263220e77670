# source: doc/build/orm/persistence_techniques.rst, section "Embedding SQL Insert/Update Expressions into a Flush"
# adapted: SomeClass mapped with an id primary key, row 5 with value 10 inserted, `session = Session(engine)`; the value read back
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/persistence_techniques.rst ---
class SomeClass(Base):
    __tablename__ = "some_table"

    # ...
    id = mapped_column(Integer, primary_key=True)
    value = mapped_column(Integer)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
session.add(SomeClass(id=5, value=10))
session.commit()

someobject = session.get(SomeClass, 5)

# set 'value' attribute to a SQL expression adding one
someobject.value = SomeClass.value + 1

# issues "UPDATE some_table SET value=value+1"
session.commit()
print(someobject.value)
