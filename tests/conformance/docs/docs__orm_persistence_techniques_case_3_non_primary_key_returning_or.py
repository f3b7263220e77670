# source: doc/build/orm/persistence_techniques.rst, section "Case 3: non primary key, RETURNING or equivalent is not supported or not needed"
# adapted: the section's mapping on SQLite, the trigger of its comment made a real SQLite trigger; the timestamp printed as its type
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import DateTime
from sqlalchemy import FetchedValue
from sqlalchemy import func
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/persistence_techniques.rst ---
class MyModel(Base):
    __tablename__ = "my_table"

    id = mapped_column(Integer, primary_key=True)
    timestamp = mapped_column(DateTime(), server_default=func.now())

    # assume a database trigger populates a value into this column
    # during INSERT
    special_identifier = mapped_column(String(50), server_default=FetchedValue())

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(text(
        "CREATE TRIGGER t1 AFTER INSERT ON my_table BEGIN "
        "UPDATE my_table SET special_identifier = 'trig' || NEW.id WHERE id = NEW.id; END"
    ))
session = Session(engine)
m = MyModel()
session.add(m)
session.commit()
print(type(m.timestamp).__name__, m.special_identifier)
